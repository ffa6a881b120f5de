package org.openedx.suite.lms.completion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class BlockCompletion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;
    private String courseKey;
    private String usageKey;
    private double completion;
    private Instant modified;

    protected BlockCompletion() {
    }

    BlockCompletion(long userId, String courseKey, String usageKey) {
        this.userId = userId;
        this.courseKey = courseKey;
        this.usageKey = usageKey;
    }

    void set(double completion, Instant at) {
        this.completion = completion;
        this.modified = at;
    }

    String usageKey() {
        return usageKey;
    }

    double completion() {
        return completion;
    }
}
