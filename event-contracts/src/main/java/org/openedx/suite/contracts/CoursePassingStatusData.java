package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A learner crossed the passing line of a course, one way or the other. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"is_passing", "course", "user"})
public record CoursePassingStatusData(@JsonProperty(required = true) boolean isPassing,
                                      @Valid CourseData course, @Valid UserData user) {

    public CoursePassingStatusData {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(user, "user");
    }
}
