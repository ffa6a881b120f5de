package org.openedx.suite.contracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.analytics.tracking.event.emitted.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackingEvent(@Valid TrackingLogData trackingLog) {

    public TrackingEvent {
        Objects.requireNonNull(trackingLog, "tracking_log");
    }

    /**
     * One tracking log, as Open edX's tracker holds it.
     *
     * @param name      e.g. {@code edx.course.enrollment.activated}
     * @param timestamp when it happened, ISO-8601 with offset
     * @param data      the event's own fields, a JSON object as a string ({@code {"user_id": 42, "course_id": ...}})
     * @param context   where it happened, a JSON object as a string ({@code {"course_id": ..., "user_id": ..., "org_id": ...}})
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"name", "timestamp", "data", "context"})
    public record TrackingLogData(@NotBlank String name, @NotBlank String timestamp, String data, String context) {

        public TrackingLogData {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(context, "context");
        }
    }
}
