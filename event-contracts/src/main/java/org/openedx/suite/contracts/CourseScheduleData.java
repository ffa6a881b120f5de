package org.openedx.suite.contracts;

import java.time.Instant;
import java.util.Objects;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The schedule part of {@link CourseCatalogData}.
 *
 * @param pacing {@value #SELF_PACED} or {@value #INSTRUCTOR_PACED}, as the CMS sends it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"start", "pacing", "end", "enrollment_start", "enrollment_end"})
public record CourseScheduleData(
        Instant start,
        @Pattern(regexp = SELF_PACED + "|" + INSTRUCTOR_PACED, message = "must be self or instructor") String pacing,
        @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Nullable Instant enrollmentEnd) {

    public static final String SELF_PACED = "self";
    public static final String INSTRUCTOR_PACED = "instructor";

    public CourseScheduleData {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(pacing, "pacing");
    }
}
