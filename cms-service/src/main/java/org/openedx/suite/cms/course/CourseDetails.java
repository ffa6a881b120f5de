package org.openedx.suite.cms.course;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.web.ApiException;

/** What an author sets on a course, defaults applied; the same on creation and on every edit. */
record CourseDetails(
        String name,
        Instant start,
        @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Nullable Instant enrollmentEnd,
        Pacing pacing,
        CatalogVisibility catalogVisibility,
        boolean invitationOnly,
        String language) {

    private static final java.util.Set<String> LANGUAGES = java.util.Set.of(java.util.Locale.getISOLanguages());

    static CourseDetails of(String name, Instant start, @Nullable Instant end, @Nullable Instant enrollmentStart,
                            @Nullable Instant enrollmentEnd, @Nullable Pacing pacing,
                            @Nullable CatalogVisibility catalogVisibility, @Nullable Boolean invitationOnly,
                            @Nullable String language) {
        CourseDetails details = new CourseDetails(name, Times.stored(start), Times.stored(end),
                Times.stored(enrollmentStart), Times.stored(enrollmentEnd),
                pacing == null ? Pacing.INSTRUCTOR : pacing,
                catalogVisibility == null ? CatalogVisibility.BOTH : catalogVisibility,
                invitationOnly != null && invitationOnly, language == null ? "en" : language);
        details.checkDates();
        return details;
    }

    /** The rules Bean Validation cannot express field by field; a refused request changes nothing. */
    private void checkDates() {
        if (!LANGUAGES.contains(language)) {
            throw ApiException.badRequest("language", "must be an ISO 639-1 language code, such as en or fr");
        }
        if (end != null && !end.isAfter(start)) {
            throw ApiException.badRequest("end", "must be after start");
        }
        if (enrollmentStart != null && enrollmentEnd != null && !enrollmentEnd.isAfter(enrollmentStart)) {
            throw ApiException.badRequest("enrollment_end", "must be after enrollment_start");
        }
    }
}
