package org.openedx.suite.eventbus;

import java.util.Set;

/**
 * Open edX's tracker, as far as the event bus goes: a tracking log whose name is on the service's allow-list
 * ({@code event-bus.tracking-logs}, {@code EVENT_BUS_TRACKING_LOGS}, as Open edX's setting of that name) goes on
 * topic {@code analytics} as {@code org.openedx.analytics.tracking.event.emitted.v1}, keyed by its name. It is
 * written to the outbox in the caller's transaction, so it leaves with the change it records or not at all; any other
 * name is dropped.
 */
public interface Tracker {

    /**
     * Emits the log if its name is allowed.
     *
     * @throws IllegalStateException outside a transaction, or in a service that does not produce tracking logs
     */
    void emit(TrackingLog log);

    /** The names this service sends on the bus. */
    Set<String> allowed();
}
