package org.openedx.suite.eventbus;

import java.util.List;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;

/**
 * Applies consumed events of some types. The event bus calls {@link #handle} inside a transaction that also records
 * the event's {@code ce_id}, so the effect happens exactly once; a redelivered event never reaches the handler.
 * <p>
 * Throwing makes the event bus retry (a bounded number of times) and then dead-letter the event. Throw
 * {@link PoisonMessageException} when retrying cannot help.
 */
public interface EventHandler<T> {

    /** The event types this handler applies; they share one payload type. */
    List<EventType<T>> eventTypes();

    void handle(T payload, EventMetadata metadata);
}
