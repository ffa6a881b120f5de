package org.openedx.suite.eventbus;

import java.time.Instant;
import java.util.UUID;

import org.openedx.suite.contracts.EventType;

/**
 * Publishes events through the transactional outbox: the event is written in the caller's transaction and reaches
 * Kafka only if, and after, that transaction commits.
 */
public interface EventPublisher {

    /**
     * Writes the event to the outbox.
     *
     * @param eventTime when the change happened; sent as {@code ce_time} and used by consumers to let the newest win
     * @return the event's id, its {@code ce_id}
     * @throws IllegalStateException outside a transaction, or for an event type the service has not declared in
     *                               {@link ProducedEvents}
     */
    <T> UUID publish(EventType<T> type, T payload, Instant eventTime);
}
