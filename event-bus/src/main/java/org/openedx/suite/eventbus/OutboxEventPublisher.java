package org.openedx.suite.eventbus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events into {@code event_bus.outbox} in the caller's transaction, hands them to the
 * {@link PublishedEventsListener}s just before it commits, and wakes the relay once it has.
 */
final class OutboxEventPublisher implements EventPublisher {

    private static final String INSERT = """
            INSERT INTO event_bus.outbox (event_id, event_type, topic, message_key, payload, event_time)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final EventBusTopics topics;
    private final ProducedEvents produced;
    private final PendingWritesFlusher flusher;
    private final TransactionSynchronization wakeRelayOnCommit;
    private final List<PublishedEventsListener> listeners;
    private final String service;
    private final String sourceHost;

    OutboxEventPublisher(JdbcTemplate jdbc, EventBusTopics topics, ProducedEvents produced,
                         PendingWritesFlusher flusher, OutboxRelay relay, List<PublishedEventsListener> listeners,
                         String service, String sourceHost) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.produced = produced;
        this.flusher = flusher;
        this.listeners = List.copyOf(listeners);
        this.service = service;
        this.sourceHost = sourceHost;
        this.wakeRelayOnCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        };
    }

    @Override
    public <T> UUID publish(EventType<T> type, T payload, Instant eventTime) {
        Transactions.requireActive("publishing " + type);
        if (!produced.includes(type)) {
            throw new IllegalStateException(type + " is not declared in this service's ProducedEvents");
        }
        // The state change must hold its row locks before the outbox id is drawn, so that ids of one key follow
        // commit order; with JPA that means flushing pending writes first.
        flusher.flush();
        UUID eventId = UUID.randomUUID();
        Instant time = EventTimes.truncate(eventTime);
        String key = type.keyOf(payload);
        jdbc.update(INSERT, eventId, type.name(), topics.topicOf(type), key,
                new String(EventJson.write(payload), java.nio.charset.StandardCharsets.UTF_8),
                Timestamp.from(time));
        wakeRelayAfterCommit();
        if (!listeners.isEmpty()) {
            transactionEvents().add(new PublishedEvent(type, payload,
                    EventMetadata.of(eventId, type.name(), service, time, sourceHost), key));
        }
        return eventId;
    }

    /**
     * The events the current transaction published so far; the first call of a transaction registers the hand-over
     * of all of them to the {@link PublishedEventsListener}s just before it commits.
     */
    @SuppressWarnings("unchecked")
    private List<PublishedEvent> transactionEvents() {
        List<PublishedEvent> events = (List<PublishedEvent>) TransactionSynchronizationManager.getResource(this);
        if (events == null) {
            List<PublishedEvent> collected = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<PublishedEvent> published = List.copyOf(collected);
                    listeners.forEach(listener -> listener.published(published));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OutboxEventPublisher.this);
                }
            });
            events = collected;
        }
        return events;
    }

    /**
     * One instance for all transactions: a transaction's synchronizations are a set, so however many events it
     * publishes, the relay is woken once, after it commits.
     */
    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(wakeRelayOnCommit);
    }

    /** Writes the persistence context's pending changes to the database; a no-op without JPA. */
    @FunctionalInterface
    interface PendingWritesFlusher {
        PendingWritesFlusher NONE = () -> { };

        void flush();
    }
}
