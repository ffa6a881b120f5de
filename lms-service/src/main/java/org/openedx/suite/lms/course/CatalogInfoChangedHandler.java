package org.openedx.suite.lms.course;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvents;
import org.springframework.stereotype.Component;

/** Keeps the course overviews from the catalog: the newest announcement of a run wins. */
@Component
class CatalogInfoChangedHandler implements EventHandler<CatalogInfoChangedEvent> {

    static final String ENTITY = "course-overview";

    private final Courses courses;

    CatalogInfoChangedHandler(Courses courses) {
        this.courses = courses;
    }

    /** Each overview as the newest of the events describes it: one query and one flush for all. */
    @Override
    public void apply(InboundEvents<CatalogInfoChangedEvent> events) {
        Map<String, Courses.Announcement> newest = new LinkedHashMap<>();
        for (var event : events.newest(ENTITY, payload -> payload.catalogInfo().courseKey())) {
            newest.put(event.payload().catalogInfo().courseKey(),
                    new Courses.Announcement(event.payload().catalogInfo(), event.metadata().time()));
        }
        courses.applyCatalog(newest.values());
    }
}
