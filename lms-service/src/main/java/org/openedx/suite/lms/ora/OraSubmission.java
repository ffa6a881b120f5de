package org.openedx.suite.lms.ora;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A learner's response to an open response assessment, and the plagiarism service's verdict on it. */
@Entity
@Table(name = "ora_submission")
class OraSubmission {

    @Id
    private UUID uuid;
    private String usageKey;
    private String courseKey;
    private long userId;
    private int attemptNumber;
    private String answer;
    private Instant submittedAt;
    private String plagiarismStatus;
    private BigDecimal similarity;
    private String reportUrl;
    private Instant checkedAt;

    protected OraSubmission() {
    }

    OraSubmission(String usageKey, String courseKey, long userId, int attemptNumber, String answer, Instant at,
                  boolean checked) {
        this.uuid = UUID.randomUUID();
        this.usageKey = usageKey;
        this.courseKey = courseKey;
        this.userId = userId;
        this.attemptNumber = attemptNumber;
        this.answer = answer;
        this.submittedAt = at;
        this.plagiarismStatus = checked ? "pending" : "not_configured";
    }

    /** The service's verdict; the same verdict again (a repeated callback) changes nothing. */
    void checked(BigDecimal similarity, String reportUrl, Instant at) {
        this.similarity = similarity;
        this.reportUrl = reportUrl;
        this.plagiarismStatus = "checked";
        if (this.checkedAt == null) {
            this.checkedAt = at;
        }
    }

    /** The check could not be requested (the service refused it, or never answered). */
    void checkFailed() {
        if (!"checked".equals(plagiarismStatus)) {
            this.plagiarismStatus = "failed";
        }
    }

    UUID uuid() {
        return uuid;
    }

    String usageKey() {
        return usageKey;
    }

    String courseKey() {
        return courseKey;
    }

    long userId() {
        return userId;
    }

    int attemptNumber() {
        return attemptNumber;
    }

    String answer() {
        return answer;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    String plagiarismStatus() {
        return plagiarismStatus;
    }

    BigDecimal similarity() {
        return similarity;
    }

    String reportUrl() {
        return reportUrl;
    }

    Instant checkedAt() {
        return checkedAt;
    }
}
