package org.openedx.suite.eventbus;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Turns Kafka records into calls of the handlers for their {@code ce_type}s, exactly once.
 * <p>
 * A record that cannot be read (no envelope, an unknown type, a payload that breaks the contract or its constraints)
 * throws {@link PoisonMessageException} and goes straight to the dead-letter topic. Otherwise the {@code ce_id} is
 * recorded and the handlers of its type run in one transaction: if the id was recorded before, the record is a
 * redelivery and nothing happens; if a handler fails, all roll back and the error handler retries, then
 * dead-letters it. Each transaction has its own newest-wins {@link EntityVersions}, stored just before it commits.
 */
final class InboundEventDispatcher implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private static final String RECORD_CONSUMED = """
            INSERT INTO event_bus.consumed_event (event_id, event_type, topic, kafka_partition, kafka_offset, event_time)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    // One statement for a whole poll; of ids that appear twice in it only one row is inserted and returned.
    private static final String RECORD_ALL_CONSUMED = """
            INSERT INTO event_bus.consumed_event (event_id, event_type, topic, kafka_partition, kafka_offset, event_time)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::text[]::timestamptz[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """;

    private final Map<String, List<EventHandler<?>>> handlers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PayloadChecks payloadChecks;
    private final OutboxEventPublisher.PendingWritesFlusher pendingWrites;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong pollsAppliedOneByOne = new AtomicLong();

    InboundEventDispatcher(List<EventHandler<?>> handlers, JdbcTemplate jdbc, TransactionTemplate transactions,
                           PayloadChecks payloadChecks, OutboxEventPublisher.PendingWritesFlusher pendingWrites) {
        this.handlers = byEventType(handlers);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.payloadChecks = payloadChecks;
        this.pendingWrites = pendingWrites;
    }

    Set<EventType<?>> handledTypes() {
        return Set.copyOf(handlers.keySet().stream().map(name -> OpenEdxEvents.byName(name).orElseThrow()).toList());
    }

    long appliedCount() {
        return applied.get();
    }

    long duplicateCount() {
        return duplicates.get();
    }

    /** Polls that failed as a whole and were applied again one event at a time. */
    long pollsAppliedOneByOneCount() {
        return pollsAppliedOneByOne.get();
    }

    /**
     * Applies a poll's records in one transaction: one commit, and a few set-based statements, for many events is
     * what lets a consumer keep up with tens of thousands of events a second.
     * <p>
     * The records up to the first unreadable one are applied together; the unreadable one is then handed to the
     * error handler, which dead-letters it at once, and the records after it follow in the next poll. When applying
     * them together fails, the poll's transaction rolls back and its records are applied again one by one, so that
     * the failing record is found: the records before it are applied in a transaction of their own, and the failing
     * one goes to the error handler, which retries it alone and then dead-letters it.
     */
    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Decoded<?>> readable = new ArrayList<>(records.size());
        PoisonMessageException unreadable = null;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                readable.add(decode(record));
            } catch (PoisonMessageException e) {
                unreadable = e;
                break;
            }
        }
        if (!readable.isEmpty()) {
            try {
                applyTogether(readable);
            } catch (RuntimeException e) {
                pollsAppliedOneByOne.incrementAndGet();
                log.debug("A poll of {} records failed as a whole ({}); applying them one by one", readable.size(),
                        e.toString());
                applyOneByOne(records.subList(0, readable.size()));
            }
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable,
                    records.get(readable.size()));
        }
    }

    /** What applying one record on its own did. */
    enum Applied {
        /** It took effect now. */
        APPLIED,
        /** Its event had been applied before (its {@code ce_id} is recorded): nothing changed. */
        ALREADY_APPLIED,
        /** Newest-wins found the entities it changes in a newer state already: nothing changed. */
        IGNORED_AS_OLDER
    }

    /** Applies one record in a transaction of its own, as a replay of a dead letter does. */
    Applied apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            Counts counts = applyInOneTransaction(List.of(record));
            if (counts.applied() == 0) {
                return Applied.ALREADY_APPLIED;
            }
            return counts.refusedEverything() ? Applied.IGNORED_AS_OLDER : Applied.APPLIED;
        } catch (FailedRecord failed) {
            throw failed.cause;
        }
    }

    private void applyTogether(List<Decoded<?>> events) {
        int fresh = transactions.execute(status -> {
            List<Decoded<?>> handled = events.stream().filter(Decoded::handled).toList();
            Set<UUID> recorded = recordConsumed(handled);
            Map<EventHandler<?>, List<InboundEvent<?>>> byHandler = new LinkedHashMap<>();
            int count = 0;
            for (Decoded<?> event : handled) {
                // remove: an id that appears twice in one poll is applied the first time only
                if (recorded.remove(event.metadata().id())) {
                    count++;
                    for (EventHandler<?> handler : event.handlers()) {
                        byHandler.computeIfAbsent(handler, h -> new ArrayList<>())
                                .add(new InboundEvent<>(event.payload(), event.metadata()));
                    }
                }
            }
            EntityVersions versions = new EntityVersions(jdbc);
            byHandler.forEach((handler, applying) -> apply(handler, applying, versions));
            versions.store();
            duplicates.addAndGet(handled.size() - count);
            return count;
        });
        applied.addAndGet(fresh);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(EventHandler handler, List events, EntityVersions versions) {
        handler.apply(new InboundEvents<>(events, versions));
    }

    /** Records the events' ids as consumed; returns the ids that were not recorded before. */
    private Set<UUID> recordConsumed(List<Decoded<?>> events) {
        Set<UUID> recorded = new HashSet<>();
        jdbc.query(RECORD_ALL_CONSUMED, new ArrayParameters()
                .uuids(events, event -> event.metadata().id())
                .texts(events, event -> event.metadata().type())
                .texts(events, event -> event.record().topic())
                .ints(events, event -> event.record().partition())
                .longs(events, event -> event.record().offset())
                .instants(events, event -> event.metadata().time()), rs -> {
                    recorded.add(rs.getObject(1, UUID.class));
                });
        return recorded;
    }

    private void applyOneByOne(List<ConsumerRecord<byte[], byte[]>> records) {
        FailedRecord blamed;
        try {
            applyInOneTransaction(records);
            return;
        } catch (FailedRecord failed) {
            blamed = failed;
        } catch (RuntimeException atCommit) {
            // No record failed on its own, yet their transaction could not commit: a transaction of its own for each
            // finds the one to blame, where one transaction for all would have the error handler give up on every one.
            log.debug("A poll of {} records failed to commit ({}); applying each on its own", records.size(),
                    atCommit.toString());
            applyEachAlone(records);
            return;
        }
        // The records before the blamed one were rolled back with it, and the error handler will commit their offsets:
        // they must commit here first. If one of them fails now (it raced with another partition's consumer, say), it
        // becomes the one to blame, and the records before it are tried again, until a prefix commits or none is left.
        while (blamed.index > 0) {
            List<ConsumerRecord<byte[], byte[]>> before = records.subList(0, blamed.index);
            try {
                applyInOneTransaction(before);
                break;
            } catch (FailedRecord again) {
                blamed = again;
            } catch (RuntimeException atCommit) {
                applyEachAlone(before);
                break;
            }
        }
        throw batchFailure(records, blamed);
    }

    /** Each record in a transaction of its own, in order; the first that fails is reported with those before applied. */
    private void applyEachAlone(List<ConsumerRecord<byte[], byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            try {
                applyInOneTransaction(List.of(records.get(i)));
            } catch (FailedRecord failed) {
                throw batchFailure(records, new FailedRecord(i, failed.cause));
            } catch (RuntimeException e) {
                throw batchFailure(records, new FailedRecord(i, e));
            }
        }
    }

    /** How many records of a transaction were applied and were redeliveries, and what newest-wins made of them. */
    private record Counts(int applied, int duplicates, boolean refusedEverything) {
    }

    /** The others than those applied were redeliveries or of types not handled here. */
    private Counts applyInOneTransaction(List<ConsumerRecord<byte[], byte[]>> records) {
        Counts outcome = transactions.execute(status -> {
            int[] counts = new int[2];
            EntityVersions versions = new EntityVersions(jdbc);
            for (int i = 0; i < records.size(); i++) {
                try {
                    Decoded<?> event = decode(records.get(i));
                    if (event.handled()) {
                        counts[applyOne(event, versions) ? 0 : 1]++;
                    }
                } catch (RuntimeException e) {
                    throw new FailedRecord(i, e);
                }
            }
            versions.store();
            return new Counts(counts[0], counts[1], versions.refusedEverything());
        });
        applied.addAndGet(outcome.applied());
        duplicates.addAndGet(outcome.duplicates());
        return outcome;
    }

    /** Returns false when the record is a redelivery of an applied event. */
    private <T> boolean applyOne(Decoded<T> event, EntityVersions versions) {
        ConsumerRecord<byte[], byte[]> record = event.record();
        EventMetadata metadata = event.metadata();
        int recorded = jdbc.update(RECORD_CONSUMED, metadata.id(), metadata.type(), record.topic(),
                record.partition(), record.offset(), Timestamp.from(metadata.time()));
        if (recorded == 0) {
            log.debug("{} {} was applied before; dropped the redelivery", metadata.type(), metadata.id());
            return false;
        }
        for (EventHandler<T> handler : event.handlers()) {
            handler.apply(new InboundEvents<>(List.of(new InboundEvent<>(event.payload(), metadata)), versions));
        }
        // writes the handler left for the commit fail here, where the failure is known to be this record's
        pendingWrites.flush();
        return true;
    }

    /**
     * Reads a record's envelope and payload and checks the payload's constraints; a type this service has no use for
     * has no handlers (topics carry several types, and those are not errors).
     */
    private Decoded<?> decode(ConsumerRecord<byte[], byte[]> record) {
        EventMetadata metadata = envelope(record);
        EventType<?> type = OpenEdxEvents.byName(metadata.type()).orElseThrow(
                () -> new PoisonMessageException("unknown ce_type " + metadata.type()));
        List<EventHandler<?>> handlersOfType = handlers.getOrDefault(type.name(), List.of());
        if (handlersOfType.isEmpty()) {
            log.debug("{} {} is not handled here", type, metadata.id());
            return new Decoded<>(record, metadata, List.of(), null);
        }
        if (!type.isFrom(metadata.source())) {
            // defence in depth: only the type's producers write it, whoever else can reach the topic
            throw new PoisonMessageException(type + " " + metadata.id() + ": ce_source " + metadata.source()
                    + " is not a producer of " + type.name() + " (" + String.join(", ", type.producers()) + ")");
        }
        Object payload = payload(record, type);
        List<String> violations = payloadChecks.violations(payload);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException(type + " " + metadata.id() + ": " + String.join("; ", violations));
        }
        return decoded(record, metadata, handlersOfType, payload);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Decoded<T> decoded(ConsumerRecord<byte[], byte[]> record, EventMetadata metadata,
                                          List<EventHandler<?>> handlers, Object payload) {
        return new Decoded<>(record, metadata, (List) handlers, (T) payload);
    }

    /** A readable record: its envelope, payload and the handlers of its type (none when it is not applied here). */
    private record Decoded<T>(ConsumerRecord<byte[], byte[]> record, EventMetadata metadata,
                              List<EventHandler<T>> handlers, T payload) {

        boolean handled() {
            return !handlers.isEmpty();
        }
    }

    private static BatchListenerFailedException batchFailure(List<ConsumerRecord<byte[], byte[]>> records,
                                                             FailedRecord failed) {
        return new BatchListenerFailedException(failed.cause.getMessage(), failed.cause, records.get(failed.index));
    }

    /** Which record of a batch failed, and why; never leaves this class. */
    private static final class FailedRecord extends RuntimeException {
        private final int index;
        private final RuntimeException cause;

        FailedRecord(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
            this.cause = cause;
        }
    }

    private static Object payload(ConsumerRecord<byte[], byte[]> record, EventType<?> type) {
        if (record.value() == null) {
            throw new PoisonMessageException(type + " has no payload");
        }
        try {
            return EventJson.read(record.value(), type.payloadType());
        } catch (JacksonException e) {
            throw new PoisonMessageException(type + " payload does not fit the contract: " + e.getOriginalMessage(), e);
        }
    }

    private static EventMetadata envelope(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") && headers.containsKey(header.key())) {
                throw new PoisonMessageException("header " + header.key() + " appears more than once");
            }
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return EventMetadata.fromHeaders(headers);
        } catch (EventMetadata.InvalidEnvelopeException e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }

    /** A type may have several handlers, each applying its events in the one transaction, in bean order. */
    private static Map<String, List<EventHandler<?>>> byEventType(List<EventHandler<?>> handlers) {
        Map<String, List<EventHandler<?>>> byType = new HashMap<>();
        for (EventHandler<?> handler : handlers) {
            for (EventType<?> type : handler.eventTypes()) {
                byType.computeIfAbsent(type.name(), name -> new ArrayList<>()).add(handler);
            }
        }
        Map<String, List<EventHandler<?>>> copy = new HashMap<>();
        byType.forEach((type, ofType) -> copy.put(type, List.copyOf(ofType)));
        return Map.copyOf(copy);
    }
}
