package org.openedx.suite.lms.course;

import java.util.List;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.web.OpenEdxKeys;
import org.springframework.stereotype.Component;

/** Keeps the course overviews from the catalog: the newest announcement of a run wins. */
@Component
class CatalogInfoHandler implements EventHandler<CatalogInfoChangedEvent> {

    static final String ENTITY = "course-overview";

    private final Courses courses;
    private final EntityVersions versions;

    CatalogInfoHandler(Courses courses, EntityVersions versions) {
        this.courses = courses;
        this.versions = versions;
    }

    @Override
    public List<EventType<CatalogInfoChangedEvent>> eventTypes() {
        return List.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }

    @Override
    public void handle(CatalogInfoChangedEvent payload, EventMetadata metadata) {
        var catalog = payload.catalogInfo();
        if (!OpenEdxKeys.isCourseKey(catalog.courseKey())) {
            throw new PoisonMessageException("catalog_info.course_key is not a course key: " + catalog.courseKey());
        }
        if (!versions.advance(ENTITY, catalog.courseKey(), metadata)) {
            return;
        }
        courses.applyCatalog(catalog, metadata.time());
    }
}
