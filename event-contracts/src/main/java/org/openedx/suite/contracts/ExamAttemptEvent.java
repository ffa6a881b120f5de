package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.learning.exam.attempt.{submitted,verified,rejected,errored,reset}.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExamAttemptEvent(@Valid ExamAttemptData examAttempt) {

    public ExamAttemptEvent {
        Objects.requireNonNull(examAttempt, "exam_attempt");
    }
}
