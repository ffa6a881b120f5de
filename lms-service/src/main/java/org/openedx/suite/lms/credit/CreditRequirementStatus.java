package org.openedx.suite.lms.credit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class CreditRequirementStatus {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;
    private String courseKey;
    private String namespace;
    private String name;
    private String status;
    private Instant modified;

    protected CreditRequirementStatus() {
    }

    CreditRequirementStatus(long userId, String courseKey, String namespace, String name) {
        this.userId = userId;
        this.courseKey = courseKey;
        this.namespace = namespace;
        this.name = name;
    }

    void set(CreditStatus status, Instant at) {
        this.status = status.wireName();
        this.modified = at;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    String status() {
        return status;
    }
}
