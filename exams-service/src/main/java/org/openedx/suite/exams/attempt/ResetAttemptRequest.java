package org.openedx.suite.exams.attempt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code DELETE /api/attempts/{attempt_id}}: the instructor who resets the attempt; the reset event names them. */
record ResetAttemptRequest(@NotNull @Valid UserRequest requestingUser) {
}
