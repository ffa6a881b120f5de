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
import org.springframework.kafka.listener.MessageListener;
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
final class InboundEventDispatcher implements MessageListener<byte[], byte[]> {

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

    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record) {
        EventMetadata metadata = envelope(record);
        EventType<?> type = OpenEdxEvents.byName(metadata.type()).orElseThrow(
                () -> new PoisonMessageException("unknown ce_type " + metadata.type()));
        EventHandler<?> handler = handlers.get(type.name());
        if (handler == null) {
            // topics carry several types; the ones this service has no use for are not errors
            log.debug("{} {} is not handled here", type, metadata.id());
            return;
        }
        dispatch(record, metadata, type, handler);
    }

    private <T> void dispatch(ConsumerRecord<byte[], byte[]> record, EventMetadata metadata, EventType<?> type,
                              EventHandler<T> handler) {
        @SuppressWarnings("unchecked")
        T payload = (T) payload(record, type);
        Boolean firstTime = transactions.execute(status -> {
            int recorded = jdbc.update(RECORD_CONSUMED, metadata.id(), metadata.type(), record.topic(),
                    record.partition(), record.offset(), Timestamp.from(metadata.time()));
            if (recorded == 0) {
                return false;
            }
            handler.handle(payload, metadata);
            return true;
        });
        if (Boolean.TRUE.equals(firstTime)) {
            applied.incrementAndGet();
        } else {
            duplicates.incrementAndGet();
            log.debug("{} {} was applied before; dropped the redelivery", type, metadata.id());
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
