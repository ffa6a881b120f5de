package org.openedx.suite.credentials.program;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A learner's certificate of a program: awarded while they hold every course credential of it, revoked otherwise. */
@Entity
@Table(name = "program_certificate")
class ProgramCertificate {

    static final String AWARDED = "awarded";
    static final String REVOKED = "revoked";

    @Id
    private UUID uuid;
    private UUID programUuid;
    private String username;
    private String status;
    private Instant modified;

    protected ProgramCertificate() {
    }

    ProgramCertificate(UUID programUuid, String username, Instant at) {
        this.uuid = UUID.randomUUID();
        this.programUuid = programUuid;
        this.username = username;
        this.status = AWARDED;
        this.modified = at;
    }

    void award(Instant at) {
        status = AWARDED;
        modified = at;
    }

    void revoke(Instant at) {
        status = REVOKED;
        modified = at;
    }

    boolean awarded() {
        return AWARDED.equals(status);
    }

    UUID uuid() {
        return uuid;
    }

    UUID programUuid() {
        return programUuid;
    }

    String username() {
        return username;
    }

    String status() {
        return status;
    }

    Instant modified() {
        return modified;
    }
}
