package org.openedx.suite.lms.course;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
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
        handleAll(List.of(new InboundEvent<>(payload, metadata)));
    }

    /** Each overview as the newest of the poll's announcements describes it: one query and one flush for all. */
    @Override
    public void handleAll(List<InboundEvent<CatalogInfoChangedEvent>> events) {
        for (InboundEvent<CatalogInfoChangedEvent> event : events) {
            String courseKey = event.payload().catalogInfo().courseKey();
            if (!OpenEdxKeys.isCourseKey(courseKey)) {
                throw new PoisonMessageException("catalog_info.course_key is not a course key: " + courseKey);
            }
        }
        Map<String, Courses.Announcement> newest = new LinkedHashMap<>();
        for (var event : versions.newestOf(ENTITY, events, payload -> payload.catalogInfo().courseKey())) {
            newest.put(event.payload().catalogInfo().courseKey(),
                    new Courses.Announcement(event.payload().catalogInfo(), event.metadata().time()));
        }
        courses.applyCatalog(newest.values());
    }
}
