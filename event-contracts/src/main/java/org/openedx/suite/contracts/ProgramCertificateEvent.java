package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.learning.program.certificate.{awarded,revoked}.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgramCertificateEvent(@Valid ProgramCertificateData programCertificate) {

    public ProgramCertificateEvent {
        Objects.requireNonNull(programCertificate, "program_certificate");
    }
}
