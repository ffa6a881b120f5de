package org.openedx.suite.exams.attempt;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

/**
 * {@code DELETE /api/attempts/{attempt_id}}: the instructor who resets the attempt, whom the reset event names, is the
 * token's user; a client's token, which is no user's, names them in {@code requesting_user}.
 */
record ResetAttemptRequest(@Nullable @Valid UserRequest requestingUser) {
}
