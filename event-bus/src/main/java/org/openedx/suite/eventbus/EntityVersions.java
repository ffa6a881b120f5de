package org.openedx.suite.eventbus;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.openedx.suite.contracts.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Newest wins: remembers, per entity, the time of the last event applied to it, so that an older event arriving late
 * is ignored. Call it from an {@link EventHandler}, in the handler's transaction, before applying the effect.
 * <p>
 * An event whose time equals the entity's version applies: a key's events arrive in the order they were published,
 * so of two events with the same time the later one is the later change.
 */
public class EntityVersions {

    private static final String ADVANCE = """
            INSERT INTO event_bus.entity_version (entity_type, entity_key, event_time, event_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_type, entity_key) DO UPDATE
               SET event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
             WHERE entity_version.event_time <= EXCLUDED.event_time
            """;

    // A placeholder row for each entity seen for the first time, so that every entity of the batch has a row to lock:
    // a concurrent first event of the same entity (a dead-letter replay) then waits for this transaction instead of
    // both believing they are the first. Every placeholder is overwritten before commit, since an entity's first
    // event always wins.
    private static final String ENSURE_ROWS = """
            INSERT INTO event_bus.entity_version (entity_type, entity_key, event_time, event_id)
            SELECT ?, key, '-infinity', '00000000-0000-0000-0000-000000000000' FROM unnest(?::text[]) AS key
            ON CONFLICT (entity_type, entity_key) DO NOTHING
            """;

    private static final String LOCK_ROWS = """
            SELECT entity_key, CASE WHEN event_time = '-infinity' THEN NULL ELSE event_time END AS event_time
              FROM event_bus.entity_version
             WHERE entity_type = ? AND entity_key = ANY (?::text[])
             ORDER BY entity_key
               FOR UPDATE
            """;

    private static final String MOVE_TO = """
            UPDATE event_bus.entity_version AS v SET event_time = n.event_time, event_id = n.event_id
              FROM unnest(?::text[], ?::text[]::timestamptz[], ?::uuid[]) AS n (entity_key, event_time, event_id)
             WHERE v.entity_type = ? AND v.entity_key = n.entity_key
            """;

    private final JdbcTemplate jdbc;

    EntityVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the entity's version to this event's time.
     *
     * @param entityType e.g. {@code course-run}
     * @param entityKey  e.g. the course key, or {@code username|course key}
     * @return true when the event is not older than the last one applied to the entity (apply it), false when it is
     *         (ignore it)
     */
    public boolean advance(String entityType, String entityKey, EventMetadata event) {
        return advance(entityType, entityKey, event.time(), event.id());
    }

    public boolean advance(String entityType, String entityKey, Instant eventTime, UUID eventId) {
        Transactions.requireActive("newest-wins check");
        return jdbc.update(ADVANCE, entityType, entityKey, Timestamp.from(eventTime), eventId) == 1;
    }

    /**
     * Newest wins for a batch, in three statements whatever its size: the events, taken in order, that are not older
     * than the last event applied to their entity before them, exactly as {@link #advance} called for each in turn
     * would pick them; each entity's version moves to the newest of them.
     *
     * @param events    a handler's events in the order they arrived
     * @param entityKey the entity an event changes, e.g. its course key
     * @return the events to apply, in their order
     */
    public <T> List<InboundEvent<T>> newestOf(String entityType, List<InboundEvent<T>> events,
                                              Function<T, String> entityKey) {
        Transactions.requireActive("newest-wins check");
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (InboundEvent<T> event : events) {
            keys.add(entityKey.apply(event.payload()));
        }
        jdbc.update(ENSURE_ROWS, new ArrayParameters().value(entityType).texts(keys, key -> key));
        Map<String, Instant> versions = new HashMap<>();
        jdbc.query(LOCK_ROWS, new ArrayParameters().value(entityType).texts(keys, key -> key), rs -> {
            OffsetDateTime time = rs.getObject("event_time", OffsetDateTime.class);
            versions.put(rs.getString("entity_key"), time == null ? null : time.toInstant());
        });

        List<InboundEvent<T>> applying = new ArrayList<>(events.size());
        Map<String, EventMetadata> newest = new LinkedHashMap<>();
        for (InboundEvent<T> event : events) {
            String key = entityKey.apply(event.payload());
            Instant version = versions.get(key);
            Instant time = event.metadata().time();
            if (version == null || !time.isBefore(version)) {
                applying.add(event);
                versions.put(key, time);
                newest.put(key, event.metadata());
            }
        }
        moveTo(entityType, newest);
        return applying;
    }

    private void moveTo(String entityType, Map<String, EventMetadata> newest) {
        if (newest.isEmpty()) {
            return;
        }
        List<Map.Entry<String, EventMetadata>> versions = List.copyOf(newest.entrySet());
        jdbc.update(MOVE_TO, new ArrayParameters()
                .texts(versions, Map.Entry::getKey)
                .instants(versions, version -> version.getValue().time())
                .uuids(versions, version -> version.getValue().id())
                .value(entityType));
    }
}
