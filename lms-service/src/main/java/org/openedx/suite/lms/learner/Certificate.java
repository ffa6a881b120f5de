package org.openedx.suite.lms.learner;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A learner's certificate in a course. Its grade is the course percent at its last change, as on a printed
 * certificate: later grade changes that keep the learner on the same side of the line do not touch it.
 */
@Entity
class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;
    private String courseKey;
    private String mode;
    private String grade;
    private String status;
    private UUID verifyUuid;
    private String downloadUrl;
    private Instant createdAt;
    private Instant modified;

    protected Certificate() {
    }

    Certificate(long userId, String courseKey, Instant at) {
        this.userId = userId;
        this.courseKey = courseKey;
        this.verifyUuid = UUID.randomUUID();
        this.createdAt = at;
    }

    CertificateRules.Certificate current() {
        return new CertificateRules.Certificate(CertificateStatus.fromWire(status), CourseMode.fromWire(mode));
    }

    /** Only a downloadable certificate can be downloaded; the others have an empty URL, as Open edX sends them. */
    void change(CertificateRules.Certificate next, String grade, Instant at) {
        this.status = next.status().wireName();
        this.mode = next.mode().wireName();
        this.grade = grade;
        this.downloadUrl = next.status() == CertificateStatus.DOWNLOADABLE ? "/certificates/" + verifyUuid : "";
        this.modified = at;
    }

    /** The status before the first change: none, which events spell as an empty string. */
    String statusOrEmpty() {
        return status == null ? "" : status;
    }

    long userId() {
        return userId;
    }

    String courseKey() {
        return courseKey;
    }

    String mode() {
        return mode;
    }

    String grade() {
        return grade;
    }

    String status() {
        return status;
    }

    UUID verifyUuid() {
        return verifyUuid;
    }

    String downloadUrl() {
        return downloadUrl;
    }
}
