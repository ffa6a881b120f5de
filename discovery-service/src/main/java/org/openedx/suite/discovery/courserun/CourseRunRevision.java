package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.web.OpenEdxKeys;

/** What one catalog event says a run looks like, checked to be something the catalog can hold. */
record CourseRunRevision(
        String runKey,
        String course,
        String title,
        Instant start,
        @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Nullable Instant enrollmentEnd,
        PacingType pacingType,
        boolean hidden,
        boolean invitationOnly,
        Instant modified,
        UUID eventId) {

    /**
     * @throws PoisonMessageException when the event describes no run the catalog can hold; retrying it would only hold
     *                                up the partition
     */
    static CourseRunRevision of(CourseCatalogData info, EventMetadata event) {
        if (!OpenEdxKeys.isCourseKey(info.courseKey())) {
            throw new PoisonMessageException("catalog_info.course_key is not a course key: " + info.courseKey());
        }
        PacingType pacingType = PacingType.ofPacing(info.scheduleData().pacing()).orElseThrow(() ->
                new PoisonMessageException("catalog_info.schedule_data.pacing is neither self nor instructor: "
                        + info.scheduleData().pacing()));
        if (info.name().isBlank()) {
            throw new PoisonMessageException("catalog_info.name is blank for " + info.courseKey());
        }
        var schedule = info.scheduleData();
        return new CourseRunRevision(info.courseKey(), OpenEdxKeys.courseOf(info.courseKey()), info.name(),
                schedule.start(), schedule.end(), schedule.enrollmentStart(), schedule.enrollmentEnd(), pacingType,
                info.hidden(), info.invitationOnly(), event.time(), event.id());
    }
}
