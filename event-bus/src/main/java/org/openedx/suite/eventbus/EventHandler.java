package org.openedx.suite.eventbus;

import java.util.List;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;

/**
 * Applies consumed events of some types. The event bus calls it inside a transaction that also records the events'
 * {@code ce_id}s, so each effect happens exactly once; a redelivered event never reaches the handler.
 * <p>
 * Throwing makes the event bus retry (a bounded number of times) and then dead-letter the event. Throw
 * {@link PoisonMessageException} when retrying cannot help.
 */
public interface EventHandler<T> {

    /** The event types this handler applies; they share one payload type. */
    List<EventType<T>> eventTypes();

    void handle(T payload, EventMetadata metadata);

    /**
     * Applies the new events of one poll, in the order they arrived (a key's events are in publishing order), in one
     * transaction. It must have exactly the effect of {@link #handle} called for each in turn; a handler overrides it
     * to do the same work in a few set-based statements instead of a few statements per event, which is what lets a
     * consumer keep up with tens of thousands of events a second.
     * <p>
     * When it throws, the event bus rolls the whole poll back and applies its events one by one with {@link #handle},
     * so that only the event that really fails is retried and dead-lettered.
     */
    default void handleAll(List<InboundEvent<T>> events) {
        for (InboundEvent<T> event : events) {
            handle(event.payload(), event.metadata());
        }
    }
}
