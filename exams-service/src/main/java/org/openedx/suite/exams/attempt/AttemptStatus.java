package org.openedx.suite.exams.attempt;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.openedx.suite.exams.exam.ExamType;

/**
 * The life of an exam attempt: started, then submitted, then (for reviewed exams) verified or rejected; an error
 * can end it before a review. Verified, rejected and error are final; only a reset (deleting the attempt) undoes them.
 */
enum AttemptStatus {
    STARTED,
    SUBMITTED,
    VERIFIED,
    REJECTED,
    ERROR;

    /** The status the action leads to from this one, or empty when the action is not allowed here. */
    Optional<AttemptStatus> after(AttemptAction action, ExamType examType) {
        AttemptStatus next = switch (action) {
            case SUBMIT -> this == STARTED ? SUBMITTED : null;
            case VERIFY -> this == SUBMITTED && examType.isReviewed() ? VERIFIED : null;
            case REJECT -> this == SUBMITTED && examType.isReviewed() ? REJECTED : null;
            case ERROR -> this == STARTED || this == SUBMITTED ? ERROR : null;
        };
        return Optional.ofNullable(next);
    }

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AttemptStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value();
    }
}
