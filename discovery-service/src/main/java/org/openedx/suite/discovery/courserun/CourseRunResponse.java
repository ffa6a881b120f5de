package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A course run in the catalog, named as course-discovery names it. */
@Schema(name = "CourseRun")
record CourseRunResponse(
        @Schema(example = "course-v1:edX+DemoX+2026") String key,
        @Schema(description = "the course the run belongs to, ORG+NUMBER", example = "edX+DemoX") String course,
        String title,
        Instant start,
        @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Nullable Instant enrollmentEnd,
        PacingType pacingType,
        boolean hidden,
        boolean invitationOnly,
        @Schema(description = "time of the catalog event last applied to the run") Instant modified) {

    static CourseRunResponse of(CourseRun run) {
        return of(run.details());
    }

    static CourseRunResponse of(CourseRunDetails run) {
        return new CourseRunResponse(run.runKey(), run.course(), run.title(), run.start(), run.end(),
                run.enrollmentStart(), run.enrollmentEnd(), run.pacingType(), run.hidden(), run.invitationOnly(),
                run.modified());
    }
}
