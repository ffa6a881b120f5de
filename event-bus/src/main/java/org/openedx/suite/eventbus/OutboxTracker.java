package org.openedx.suite.eventbus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.TrackingEvent;

/** Writes allowed tracking logs through the {@link EventPublisher}: data and context as JSON objects in strings. */
final class OutboxTracker implements Tracker {

    private final EventPublisher publisher;
    private final Set<String> allowed;

    OutboxTracker(EventPublisher publisher, Set<String> allowed) {
        this.publisher = publisher;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void emit(TrackingLog log) {
        if (!allowed.contains(log.name())) {
            return;
        }
        var payload = new TrackingEvent(new TrackingEvent.TrackingLogData(log.name(), EventTimes.format(log.time()),
                json(log.data()), json(log.context())));
        publisher.publish(OpenEdxEvents.TRACKING_EVENT_EMITTED, payload, log.time());
    }

    @Override
    public Set<String> allowed() {
        return allowed;
    }

    /** Fields in name order, so that the same log is always the same text (and hashes the same downstream). */
    private static String json(Map<String, ?> fields) {
        Map<String, Object> sorted = new LinkedHashMap<>(new TreeMap<>(fields));
        return EventJson.mapper().writeValueAsString(sorted);
    }
}
