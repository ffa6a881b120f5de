package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An exam attempt whose status changed.
 *
 * @param examType        {@code proctored}, {@code timed}, {@code practice} or {@code onboarding}
 * @param requestingUser  the learner on {@code submitted}, the instructor on {@code reset}, null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"student_user", "course_key", "usage_key", "exam_type", "requesting_user"})
@BlockOfCourse
public record ExamAttemptData(
        @Valid UserData studentUser, String courseKey, String usageKey, String examType,
        @Valid @Nullable UserData requestingUser) implements BlockOfCourse.Block {

    public ExamAttemptData {
        Objects.requireNonNull(studentUser, "student_user");
        Objects.requireNonNull(courseKey, "course_key");
        Objects.requireNonNull(usageKey, "usage_key");
        Objects.requireNonNull(examType, "exam_type");
    }
}
