package org.openedx.suite.credentials.credential;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A learner's credential for one course run, earned with a certificate of some type (the certificate's mode). */
@Entity
class CourseRunCredential {

    // ids from a sequence, a hundred at a time: an IDENTITY id would make Hibernate insert rows one by one
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_run_credential_id_seq")
    @SequenceGenerator(name = "course_run_credential_id_seq", sequenceName = "course_run_credential_id_seq", allocationSize = 100)
    private Long id;
    private UUID uuid;
    private String username;
    private String courseKey;
    private String certificateType;
    @Convert(converter = CredentialStatus.Column.class)
    private CredentialStatus status;
    private Instant modified;

    protected CourseRunCredential() {
    }

    CourseRunCredential(String username, String courseKey, String certificateType, CredentialStatus status,
                        Instant modified) {
        this.uuid = UUID.randomUUID();
        this.username = username;
        this.courseKey = courseKey;
        this.certificateType = certificateType;
        this.status = status;
        this.modified = modified;
    }

    void award(String certificateType, Instant at) {
        this.status = CredentialStatus.AWARDED;
        change(certificateType, at);
    }

    void revoke(String certificateType, Instant at) {
        this.status = CredentialStatus.REVOKED;
        change(certificateType, at);
    }

    /** A new certificate type leaves the credential awarded or revoked as it was. */
    void change(String certificateType, Instant at) {
        this.certificateType = certificateType;
        this.modified = at;
    }

    UUID uuid() {
        return uuid;
    }

    String username() {
        return username;
    }

    String courseKey() {
        return courseKey;
    }

    String certificateType() {
        return certificateType;
    }

    CredentialStatus status() {
        return status;
    }

    Instant modified() {
        return modified;
    }
}
