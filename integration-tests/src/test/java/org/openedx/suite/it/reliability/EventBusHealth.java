package org.openedx.suite.it.reliability;

import org.openedx.suite.it.support.Http;

/** The event bus's counters in a service's {@code /actuator/health}; they count from the start of its process. */
record EventBusHealth(String baseUrl) {

    /** Redelivered events the consumer recognised by their ce_id and dropped. */
    long duplicatesDropped() {
        var health = Http.get(baseUrl + "/actuator/health");
        var dropped = health.json().path("components").path("eventBus").path("details")
                .path("events_duplicates_dropped");
        if (!dropped.isNumber()) {
            throw new AssertionError("no events_duplicates_dropped in the event bus's health: " + health);
        }
        return dropped.asLong();
    }
}
