package org.openedx.suite.eventbus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes events into {@code event_bus.outbox} in the caller's transaction and wakes the relay once it commits. */
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

    OutboxEventPublisher(JdbcTemplate jdbc, EventBusTopics topics, ProducedEvents produced,
                         PendingWritesFlusher flusher, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.produced = produced;
        this.flusher = flusher;
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
        jdbc.update(INSERT, eventId, type.name(), topics.topicOf(type), type.keyOf(payload),
                new String(EventJson.write(payload), java.nio.charset.StandardCharsets.UTF_8),
                Timestamp.from(EventTimes.truncate(eventTime)));
        wakeRelayAfterCommit();
        return eventId;
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
