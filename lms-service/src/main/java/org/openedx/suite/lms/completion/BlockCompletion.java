package org.openedx.suite.lms.completion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

@Entity
class BlockCompletion {

    // a sequence drawn 50 at a time (V2), so that the rows a poll of exam events creates are inserted in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "block_completion_id_seq")
    @SequenceGenerator(name = "block_completion_id_seq", sequenceName = "block_completion_id_seq",
            allocationSize = 50)
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

    long userId() {
        return userId;
    }

    String usageKey() {
        return usageKey;
    }

    double completion() {
        return completion;
    }
}
