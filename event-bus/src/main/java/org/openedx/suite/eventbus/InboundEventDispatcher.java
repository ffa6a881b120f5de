package org.openedx.suite.eventbus;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Turns a Kafka record into a call of the handler for its {@code ce_type}, exactly once.
 * <p>
 * A record that cannot be read (no envelope, an unknown type, a payload that breaks the contract) throws
 * {@link PoisonMessageException} and goes straight to the dead-letter topic. Otherwise the {@code ce_id} is recorded
 * and the handler runs in one transaction: if the id was recorded before, the record is a redelivery and nothing
 * happens; if the handler fails, both roll back and the error handler retries, then dead-letters it.
 */
final class InboundEventDispatcher implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private static final String RECORD_CONSUMED = """
            INSERT INTO event_bus.consumed_event (event_id, event_type, topic, kafka_partition, kafka_offset, event_time)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final Map<String, EventHandler<?>> handlers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    InboundEventDispatcher(List<EventHandler<?>> handlers, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.handlers = byEventType(handlers);
        this.jdbc = jdbc;
        this.transactions = transactions;
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

    /**
     * Applies a poll's records in one transaction: one commit for many events is what lets a consumer keep up with
     * tens of thousands of events a second. When a record fails, the transaction rolls back, the records before it
     * are applied again in a transaction of their own, and the failing record is handed to the error handler, which
     * retries it alone and then dead-letters it; the records after it follow in the next poll.
     */
    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        try {
            applyInOneTransaction(records);
        } catch (FailedRecord failed) {
            if (failed.index > 0) {
                try {
                    applyInOneTransaction(records.subList(0, failed.index));
                } catch (FailedRecord again) {
                    throw batchFailure(records, again);
                }
            }
            throw batchFailure(records, failed);
        }
    }

    /**
     * Applies one record in a transaction of its own, as a replay of a dead letter does.
     *
     * @return false when it changed nothing: its event had been applied before (its {@code ce_id} is recorded)
     */
    boolean apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            return applyInOneTransaction(List.of(record)) == 1;
        } catch (FailedRecord failed) {
            throw failed.cause;
        }
    }

    /** Returns how many of the records took effect; the others were redeliveries or of types not handled here. */
    private int applyInOneTransaction(List<ConsumerRecord<byte[], byte[]>> records) {
        int[] outcome = transactions.execute(status -> {
            int[] counts = new int[2];
            for (int i = 0; i < records.size(); i++) {
                try {
                    counts[applyOne(records.get(i)) ? 0 : 1]++;
                } catch (RuntimeException e) {
                    throw new FailedRecord(i, e);
                }
            }
            return counts;
        });
        applied.addAndGet(outcome[0]);
        duplicates.addAndGet(outcome[1]);
        return outcome[0];
    }

    /** Returns false when the record is a redelivery of an applied event, or a type this service does not handle. */
    private boolean applyOne(ConsumerRecord<byte[], byte[]> record) {
        EventMetadata metadata = envelope(record);
        EventType<?> type = OpenEdxEvents.byName(metadata.type()).orElseThrow(
                () -> new PoisonMessageException("unknown ce_type " + metadata.type()));
        EventHandler<?> handler = handlers.get(type.name());
        if (handler == null) {
            // topics carry several types; the ones this service has no use for are not errors
            log.debug("{} {} is not handled here", type, metadata.id());
            return false;
        }
        return dispatch(record, metadata, type, handler);
    }

    private <T> boolean dispatch(ConsumerRecord<byte[], byte[]> record, EventMetadata metadata, EventType<?> type,
                                 EventHandler<T> handler) {
        @SuppressWarnings("unchecked")
        T payload = (T) payload(record, type);
        int recorded = jdbc.update(RECORD_CONSUMED, metadata.id(), metadata.type(), record.topic(),
                record.partition(), record.offset(), Timestamp.from(metadata.time()));
        if (recorded == 0) {
            log.debug("{} {} was applied before; dropped the redelivery", type, metadata.id());
            return false;
        }
        handler.handle(payload, metadata);
        return true;
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

    private static Map<String, EventHandler<?>> byEventType(List<EventHandler<?>> handlers) {
        Map<String, EventHandler<?>> byType = new HashMap<>();
        for (EventHandler<?> handler : handlers) {
            for (EventType<?> type : handler.eventTypes()) {
                EventHandler<?> other = byType.put(type.name(), handler);
                if (other != null) {
                    throw new IllegalStateException(type + " has two handlers: " + other + " and " + handler);
                }
            }
        }
        return Map.copyOf(byType);
    }
}
