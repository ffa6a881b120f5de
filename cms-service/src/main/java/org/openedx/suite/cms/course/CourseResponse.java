package org.openedx.suite.cms.course;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A course as the CMS holds it: what the author set, when it was last edited, and when it was last published. */
@Schema(name = "Course")
record CourseResponse(
        String courseKey,
        String name,
        Instant start,
        @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Nullable Instant enrollmentEnd,
        Pacing pacing,
        CatalogVisibility catalogVisibility,
        boolean invitationOnly,
        @Schema(description = "the content's language, an ISO 639-1 code") String language,
        Instant createdAt,
        @Schema(description = "last edit; the event time of the catalog event a publish sends") Instant editedAt,
        @Schema(description = "last publish; null until the course is first published") @Nullable Instant publishedAt,
        @Schema(description = "how many times the course was published") int publishCount) {

    static CourseResponse of(Course course) {
        return new CourseResponse(course.courseKey(), course.name(), course.start(), course.end(),
                course.enrollmentStart(), course.enrollmentEnd(), course.pacing(), course.catalogVisibility(),
                course.invitationOnly(), course.language(), course.createdAt(), course.editedAt(), course.publishedAt(),
                course.publishCount());
    }
}
