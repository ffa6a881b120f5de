package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A run as one applied catalog event described it, with the event that did. */
@Schema(name = "HistoricalCourseRun")
record HistoricalCourseRunResponse(
        @Schema(description = "ce_id of the catalog event applied") UUID eventId,
        @Schema(description = "when discovery applied it") Instant appliedAt,
        @Schema(example = "course-v1:edX+DemoX+2026") String key,
        String title,
        Instant start,
        @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Nullable Instant enrollmentEnd,
        PacingType pacingType,
        boolean hidden,
        boolean invitationOnly,
        @Schema(description = "time of the event, the run's modified from then on") Instant modified) {

    static HistoricalCourseRunResponse of(HistoricalCourseRun run) {
        return new HistoricalCourseRunResponse(run.eventId(), run.appliedAt(), run.runKey(), run.title(),
                run.start(), run.end(), run.enrollmentStart(), run.enrollmentEnd(), run.pacingType(), run.hidden(),
                run.invitationOnly(), run.modified());
    }
}
