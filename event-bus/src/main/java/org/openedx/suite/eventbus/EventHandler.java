package org.openedx.suite.eventbus;

import java.util.List;

import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.springframework.core.ResolvableType;

/**
 * Applies consumed events: a service's {@code @Component} with one method. The event bus calls {@link #apply} with
 * the new events of a poll, in the order they arrived, inside the transaction that also records their {@code ce_id}s,
 * so each effect happens exactly once; a redelivered event never reaches the handler. Payloads reach it only once
 * they keep the contract's constraints (key grammar, required fields); any other goes to the dead-letter topic.
 * <p>
 * Throwing rolls the events back. The bus then applies them one at a time, each in the same way, so that only the one
 * that fails is retried (a bounded number of times) and then dead-lettered; throw {@link PoisonMessageException}
 * when retrying cannot help.
 *
 * @param <T> the payload record, e.g. {@code ExamAttemptEvent}
 */
public interface EventHandler<T> {

    /**
     * Applies the events in their order (a key's events are in publishing order), with exactly the effect of applying
     * them one after the other. A few set-based statements for all of them (newest-wins through
     * {@link InboundEvents#newest}, one query to load what they touch, one flush) are what lets a consumer keep up with
     * tens of thousands of events a second.
     */
    void apply(InboundEvents<T> events);

    /** The event types this handler applies: by default every type whose payload is {@code T}. */
    default List<EventType<T>> eventTypes() {
        @SuppressWarnings("unchecked")
        Class<T> payloadType = (Class<T>) ResolvableType.forClass(getClass()).as(EventHandler.class)
                .getGeneric(0).resolve();
        if (payloadType == null) {
            throw new IllegalStateException(getClass().getName() + " names no payload type; override eventTypes()");
        }
        List<EventType<T>> types = OpenEdxEvents.withPayload(payloadType);
        if (types.isEmpty()) {
            throw new IllegalStateException("no event type carries a " + payloadType.getSimpleName());
        }
        return types;
    }
}
