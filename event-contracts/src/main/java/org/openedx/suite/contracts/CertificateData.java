package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A learner's course certificate as the LMS announces it.
 *
 * @param mode           the enrollment mode the certificate was earned in ({@code verified}, {@code honor}, ...)
 * @param grade          the course grade as a decimal string, e.g. {@code "0.85"}
 * @param downloadUrl    empty when the certificate is revoked
 * @param currentStatus  {@code downloadable}, {@code notpassing}, {@code unavailable}, ...
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"user", "course", "mode", "grade", "download_url", "name", "current_status", "previous_status"})
public record CertificateData(
        @Valid UserData user,
        @Valid CourseData course,
        String mode,
        String grade,
        String downloadUrl,
        String name,
        String currentStatus,
        String previousStatus) {

    public CertificateData {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(downloadUrl, "download_url");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currentStatus, "current_status");
        Objects.requireNonNull(previousStatus, "previous_status");
    }
}
