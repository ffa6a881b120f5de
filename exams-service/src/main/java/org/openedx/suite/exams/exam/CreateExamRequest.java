package org.openedx.suite.exams.exam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.contracts.UsageKey;

/** {@code POST /api/exams}. That the usage key lies in the course is checked by {@link Exams}. */
record CreateExamRequest(
        @NotNull @CourseKey String courseKey,
        @NotNull @UsageKey String usageKey,
        @NotNull ExamType examType,
        @NotBlank @Size(max = 255) String name,
        @NotNull @Min(1) @Max(1440) Integer timeLimitMins) {
}
