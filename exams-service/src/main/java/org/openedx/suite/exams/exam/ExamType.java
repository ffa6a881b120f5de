package org.openedx.suite.exams.exam;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of exam Open edX knows; the lower-case name is what the API and the events carry. */
public enum ExamType {
    PROCTORED,
    TIMED,
    PRACTICE,
    ONBOARDING;

    /** Only proctored and onboarding attempts are reviewed, so only they can be verified or rejected. */
    public boolean isReviewed() {
        return this == PROCTORED || this == ONBOARDING;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
