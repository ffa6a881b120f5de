package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A run as one applied catalog event left it, with the event that did. */
@Schema(name = "HistoricalCourseRun")
record HistoricalCourseRunResponse(
        @Schema(description = "ce_id of the catalog event applied") UUID eventId,
        @Schema(description = "when discovery applied it") Instant appliedAt,
        @Schema(description = "the run as the event left it") CourseRunResponse run) {

    static HistoricalCourseRunResponse of(HistoricalCourseRun entry) {
        return new HistoricalCourseRunResponse(entry.eventId(), entry.appliedAt(),
                CourseRunResponse.of(entry.details()));
    }
}
