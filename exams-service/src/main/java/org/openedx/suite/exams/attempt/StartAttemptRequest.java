package org.openedx.suite.exams.attempt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/exams/{exam_id}/attempts}: the learner who starts the exam. */
record StartAttemptRequest(@NotNull @Valid UserRequest user) {
}
