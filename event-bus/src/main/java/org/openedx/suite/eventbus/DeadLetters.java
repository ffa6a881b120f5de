package org.openedx.suite.eventbus;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.openedx.suite.contracts.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own log of dead letters. Every record the consumer gives up on is written here as well as to
 * {@code <topic>-dlt}, so that an operator can list them and replay them once the cause is fixed.
 */
final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSERT = """
            INSERT INTO event_bus.dead_letter
                   (topic, kafka_partition, kafka_offset, message_key, payload, headers, event_id, event_type, error,
                    attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (topic, kafka_partition, kafka_offset)
            DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts
            """;
    private static final String SELECT = """
            SELECT id, topic, kafka_partition, kafka_offset, message_key, payload, headers, event_id, event_type,
                   error, attempts, failed_at, replayed_at
              FROM event_bus.dead_letter
            """;

    private final JdbcTemplate jdbc;

    DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param attempts how many times the record was delivered before the consumer gave up */
    void record(ConsumerRecord<?, ?> record, Exception cause, int attempts) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String error = describe(cause);
        jdbc.update(INSERT, record.topic(), record.partition(), record.offset(), bytes(record.key()),
                bytes(record.value()), JSON.writeValueAsString(headers), headers.get(EventMetadata.ID),
                headers.get(EventMetadata.TYPE), error, attempts);
        log.warn("Dead-lettered {} {} from {}-{}@{} after {} attempt(s): {}", headers.get(EventMetadata.TYPE),
                headers.get(EventMetadata.ID), record.topic(), record.partition(), record.offset(), attempts, error);
    }

    List<DeadLetter> pending() {
        return jdbc.query(SELECT + " WHERE replayed_at IS NULL ORDER BY id", DeadLetters::deadLetter);
    }

    List<DeadLetter> all() {
        return jdbc.query(SELECT + " ORDER BY id", DeadLetters::deadLetter);
    }

    Optional<DeadLetter> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", DeadLetters::deadLetter, id).stream().findFirst();
    }

    long pendingCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_bus.dead_letter WHERE replayed_at IS NULL",
                Long.class);
        return count == null ? 0 : count;
    }

    void markReplayed(long id) {
        jdbc.update("UPDATE event_bus.dead_letter SET replayed_at = now() WHERE id = ?", id);
    }

    void markFailedAgain(long id, Exception cause) {
        jdbc.update("UPDATE event_bus.dead_letter SET error = ? WHERE id = ?", describe(cause), id);
    }

    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            // the container wraps the handler's exception; the useful part is inside
            if (t.getClass().getName().startsWith("org.springframework.kafka.listener.")) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        Map<String, String> headers = JSON.readValue(rs.getString("headers"), new TypeReference<>() { });
        return new DeadLetter(rs.getLong("id"), rs.getString("topic"), rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"), rs.getBytes("message_key"), rs.getBytes("payload"), headers,
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("error"),
                rs.getObject("attempts", Integer.class), rs.getTimestamp("failed_at").toInstant(),
                rs.getTimestamp("replayed_at") == null ? null : rs.getTimestamp("replayed_at").toInstant());
    }

    /**
     * A dead letter as stored: the record as it was received and the last error it met.
     *
     * @param attempts how many times the consumer tried it; null for dead letters recorded before it was counted
     */
    record DeadLetter(long id, String topic, int partition, long offset, byte[] key, byte[] payload,
                      Map<String, String> headers, String eventId, String eventType, String error, Integer attempts,
                      Instant failedAt, Instant replayedAt) {

        ConsumerRecord<byte[], byte[]> toConsumerRecord() {
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(topic, partition, offset, key, payload);
            headers.forEach((name, value) -> record.headers().add(new RecordHeader(name,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8))));
            return record;
        }

        Map<String, Object> describe() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("topic", topic);
            view.put("partition", partition);
            view.put("offset", offset);
            view.put("key", key == null ? null : new String(key, StandardCharsets.UTF_8));
            view.put("event_id", eventId);
            view.put("event_type", eventType);
            view.put("error", error);
            view.put("attempts", attempts);
            view.put("failed_at", failedAt.toString());
            view.put("replayed_at", replayedAt == null ? null : replayedAt.toString());
            view.put("payload", payload == null ? null : new String(payload, StandardCharsets.UTF_8));
            return view;
        }
    }
}
