package org.openedx.suite.lms.credit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

@Entity
class CreditRequirementStatus {

    // a sequence drawn 50 at a time (V2), so that the rows a poll of exam events creates are inserted in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_requirement_status_id_seq")
    @SequenceGenerator(name = "credit_requirement_status_id_seq", sequenceName = "credit_requirement_status_id_seq",
            allocationSize = 50)
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

    long userId() {
        return userId;
    }

    String courseKey() {
        return courseKey;
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
