package org.openedx.suite.contracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A learner's program certificate as credentials announces it.
 *
 * @param uuid                     the program certificate's own id
 * @param status                   {@code awarded} or {@code revoked}
 * @param certificateAvailableDate ISO-8601, when the certificate may be shown; null: at once
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"user", "program", "uuid", "status", "url", "certificate_available_date"})
public record ProgramCertificateData(@Valid UserData user, @Valid ProgramData program, String uuid, String status,
                                     String url, @Nullable String certificateAvailableDate) {

    public ProgramCertificateData {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(url, "url");
    }

    /** A program as program certificate events carry it: its uuid, title and type (e.g. {@code MicroMasters}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"uuid", "title", "program_type"})
    public record ProgramData(String uuid, String title, String programType) {

        public ProgramData {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(programType, "program_type");
        }
    }
}
