package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog in step with the CMS: each published course upserts its run (and, the first time, its course)
 * and adds a row to the run's history. Runs in the event bus's transaction, which also records the event ids, so a
 * redelivery changes nothing; an event older than the one last applied to the run is ignored.
 */
@Component
class CatalogInfoChangedHandler implements EventHandler<CatalogInfoChangedEvent> {

    static final String ENTITY = "course-run";

    private final EntityVersions versions;
    private final CatalogWriter catalog;

    CatalogInfoChangedHandler(EntityVersions versions, CatalogWriter catalog) {
        this.versions = versions;
        this.catalog = catalog;
    }

    @Override
    public List<EventType<CatalogInfoChangedEvent>> eventTypes() {
        return List.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }

    @Override
    public void handle(CatalogInfoChangedEvent payload, EventMetadata metadata) {
        handleAll(List.of(new InboundEvent<>(payload, metadata)));
    }

    /** One implementation for one event and for many: a few statements whatever the number. */
    @Override
    public void handleAll(List<InboundEvent<CatalogInfoChangedEvent>> events) {
        // checked before anything else: retrying an event the catalog cannot hold would only hold up the partition
        Map<InboundEvent<CatalogInfoChangedEvent>, CourseRunRevision> revisions = new IdentityHashMap<>();
        for (InboundEvent<CatalogInfoChangedEvent> event : events) {
            revisions.put(event, CourseRunRevision.of(event.payload().catalogInfo(), event.metadata()));
        }
        List<CourseRunRevision> applying = versions.newestOf(ENTITY, events, p -> p.catalogInfo().courseKey())
                .stream().map(revisions::get).toList();
        catalog.apply(applying, Instant.now());
    }
}
