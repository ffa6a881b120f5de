package org.openedx.suite.exams.attempt;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/exams/{exam_id}/attempts}: the learner who starts the exam is the token's user; the exam's course
 * staff, or a client's token, name the learner in {@code user}.
 */
record StartAttemptRequest(@Nullable @Valid UserRequest user) {
}
