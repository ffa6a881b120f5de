package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.learning.course.passing.status.updated.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoursePassingStatusEvent(@Valid CoursePassingStatusData coursePassingStatus) {

    public CoursePassingStatusEvent {
        Objects.requireNonNull(coursePassingStatus, "course_passing_status");
    }
}
