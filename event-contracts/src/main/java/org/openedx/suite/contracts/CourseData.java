package org.openedx.suite.contracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A course run as learning events carry it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"course_key", "display_name", "start", "end"})
public record CourseData(@CourseKey String courseKey, String displayName, @Nullable Instant start, @Nullable Instant end) {

    public CourseData {
        Objects.requireNonNull(courseKey, "course_key");
        Objects.requireNonNull(displayName, "display_name");
    }
}
