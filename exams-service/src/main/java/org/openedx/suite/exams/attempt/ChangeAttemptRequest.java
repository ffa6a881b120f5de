package org.openedx.suite.exams.attempt;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/attempts/{attempt_id}}. */
record ChangeAttemptRequest(@NotNull AttemptAction action) {
}
