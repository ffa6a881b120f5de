package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.List;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.web.OpenEdxKeys;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog in step with the CMS: each published course upserts its run (and, the first time, its course).
 * Runs in the event bus's transaction, which also records the event id, so a redelivery changes nothing; an event
 * older than the one last applied to the run is ignored.
 */
@Component
class CatalogInfoChangedHandler implements EventHandler<CatalogInfoChangedEvent> {

    static final String ENTITY = "course-run";

    private final CourseRunRepository runs;
    private final CourseRepository courses;
    private final EntityVersions versions;

    CatalogInfoChangedHandler(CourseRunRepository runs, CourseRepository courses, EntityVersions versions) {
        this.runs = runs;
        this.courses = courses;
        this.versions = versions;
    }

    @Override
    public List<EventType<CatalogInfoChangedEvent>> eventTypes() {
        return List.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }

    @Override
    public void handle(CatalogInfoChangedEvent payload, EventMetadata metadata) {
        CourseCatalogData info = payload.catalogInfo();
        // checked before anything else: retrying an event the catalog cannot hold would only hold up the partition
        if (!OpenEdxKeys.isCourseKey(info.courseKey())) {
            throw new PoisonMessageException("catalog_info.course_key is not a course key: " + info.courseKey());
        }
        PacingType pacingType = PacingType.ofPacing(info.scheduleData().pacing()).orElseThrow(() ->
                new PoisonMessageException("catalog_info.schedule_data.pacing is neither self nor instructor: "
                        + info.scheduleData().pacing()));
        if (info.name().isBlank()) {
            throw new PoisonMessageException("catalog_info.name is blank for " + info.courseKey());
        }

        if (!versions.advance(ENTITY, info.courseKey(), metadata)) {
            return;
        }
        Instant now = Instant.now();
        String course = OpenEdxKeys.courseOf(info.courseKey());
        courses.createIfMissing(course, info.name(), now);
        CourseRun run = runs.findById(info.courseKey())
                .orElseGet(() -> CourseRun.create(info.courseKey(), course, now));
        run.apply(info, pacingType, metadata.time());
        runs.save(run);
    }
}
