package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What the CMS tells the catalog about a course run when it is published.
 *
 * @param hidden true when the course's catalog visibility is {@code about} or {@code none}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"course_key", "name", "schedule_data", "hidden", "invitation_only"})
public record CourseCatalogData(
        @CourseKey String courseKey, @NotBlank String name, @Valid CourseScheduleData scheduleData, @JsonProperty(required = true) boolean hidden,
        @JsonProperty(required = true) boolean invitationOnly) {

    public CourseCatalogData {
        Objects.requireNonNull(courseKey, "course_key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheduleData, "schedule_data");
    }
}
