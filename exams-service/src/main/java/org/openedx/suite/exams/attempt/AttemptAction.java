package org.openedx.suite.exams.attempt;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a proctoring service, an instructor or the learner's browser can do to an attempt. */
enum AttemptAction {
    SUBMIT,
    VERIFY,
    REJECT,
    ERROR;

    /** Verifying and rejecting are the outcome of a review, which only proctored and onboarding exams have. */
    boolean isReview() {
        return this == VERIFY || this == REJECT;
    }

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
