package org.openedx.suite.lms.credit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A learner's progress on one credit requirement of a credit course. */
@Entity
public class CreditRequirementStatus {

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

    /** The learner's status on a proctored exam requirement, not set yet. */
    public CreditRequirementStatus(CreditRequirements.Exam exam) {
        this.userId = exam.userId();
        this.courseKey = exam.courseKey();
        this.namespace = CreditRequirements.EXAM;
        this.name = exam.usageKey();
    }

    public void set(CreditStatus status, Instant at) {
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
