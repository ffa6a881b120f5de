package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.learning.certificate.{created,changed,revoked}.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CertificateEvent(@Valid CertificateData certificate) {

    public CertificateEvent {
        Objects.requireNonNull(certificate, "certificate");
    }
}
