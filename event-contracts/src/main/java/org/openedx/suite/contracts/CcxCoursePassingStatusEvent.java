package org.openedx.suite.contracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Payload of {@code org.openedx.learning.ccx.course.passing.status.updated.v1}: a learner crossed the passing line of a
 * custom course (CCX) built on a master course.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CcxCoursePassingStatusEvent(@Valid CcxCoursePassingStatusData coursePassingStatus) {

    public CcxCoursePassingStatusEvent {
        Objects.requireNonNull(coursePassingStatus, "course_passing_status");
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"is_passing", "user", "course"})
    public record CcxCoursePassingStatusData(@JsonProperty(required = true) boolean isPassing, @Valid UserData user,
                                             CcxCourseData course) {

        public CcxCoursePassingStatusData {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(course, "course");
        }
    }

    /** A CCX: its own key ({@code ccx-v1:...}), the master course it is built on, and its coach. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"ccx_course_key", "master_course_key", "display_name", "coach_email", "start", "end",
            "max_students_allowed"})
    public record CcxCourseData(String ccxCourseKey, @CourseKey String masterCourseKey, String displayName,
                                String coachEmail, @Nullable Instant start, @Nullable Instant end,
                                @Nullable Long maxStudentsAllowed) {

        public CcxCourseData {
            Objects.requireNonNull(ccxCourseKey, "ccx_course_key");
            Objects.requireNonNull(masterCourseKey, "master_course_key");
            Objects.requireNonNull(displayName, "display_name");
            Objects.requireNonNull(coachEmail, "coach_email");
        }
    }
}
