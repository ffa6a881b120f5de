package org.openedx.suite.eventbus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.openedx.suite.contracts.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Newest wins: remembers, per entity, the time of the last event applied to it, so that an older event arriving late
 * is ignored. One instance per transaction of the event bus, which handlers reach through {@link InboundEvents}: it
 * holds the versions the transaction locked, moves them in memory, and is {@link #store stored} by the bus just before
 * the transaction commits.
 * <p>
 * An event whose time equals the entity's version applies: a key's events arrive in the order they were published,
 * so of two events with the same time the later one is the later change.
 */
public final class EntityVersions {

    // A placeholder row for each entity seen for the first time, so that every entity of the batch has a row to lock:
    // a concurrent first event of the same entity (a dead-letter replay) then waits for this transaction instead of
    // both believing they are the first. Before commit each placeholder is overwritten, or removed when no event
    // was applied to its entity.
    private static final String ENSURE_ROWS = """
            INSERT INTO event_bus.entity_version (entity_type, entity_key, event_time, event_id)
            SELECT ?, key, '-infinity', '00000000-0000-0000-0000-000000000000' FROM unnest(?::text[]) AS key
            ON CONFLICT (entity_type, entity_key) DO NOTHING
            """;

    private static final String LOCK_ROWS = """
            SELECT entity_key, CASE WHEN event_time = '-infinity' THEN NULL ELSE event_time END AS event_time
              FROM event_bus.entity_version
             WHERE entity_type = ? AND entity_key = ANY (?::text[])
             ORDER BY entity_key COLLATE "C"
               FOR UPDATE
            """;

    private static final String MOVE_TO = """
            UPDATE event_bus.entity_version AS v SET event_time = n.event_time, event_id = n.event_id
              FROM unnest(?::text[], ?::text[]::timestamptz[], ?::uuid[]) AS n (entity_key, event_time, event_id)
             WHERE v.entity_type = ? AND v.entity_key = n.entity_key
            """;

    private static final String REMOVE_PLACEHOLDERS = """
            DELETE FROM event_bus.entity_version
             WHERE entity_type = ? AND entity_key = ANY (?::text[]) AND event_time = '-infinity'
            """;

    private final JdbcTemplate jdbc;
    private final Map<String, Locked> locks = new LinkedHashMap<>();
    private int advanced;
    private int refused;

    EntityVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest wins for a batch, in three statements whatever its size (the last as the transaction commits): the
     * events, taken in order, that are not older than the last event applied to their entity before them, exactly as
     * {@link Locked#advance} called for each in turn would pick them; each entity's version moves to the newest of them.
     *
     * @param events    a handler's events in the order they arrived
     * @param entityKey the entity an event changes, e.g. its course key
     * @return the events to apply, in their order
     */
    <T> List<InboundEvent<T>> newestOf(String entityType, List<InboundEvent<T>> events,
                                       Function<T, String> entityKey) {
        Locked locked = lock(entityType, events.stream().map(event -> entityKey.apply(event.payload())).toList());
        return events.stream()
                .filter(event -> locked.advance(entityKey.apply(event.payload()), event.metadata()))
                .toList();
    }

    /**
     * Locks the versions of some entities for the rest of the transaction, for a handler that decides newest-wins
     * event by event in memory, as {@link #newestOf} does, but interleaved with rules of its own. The versions that
     * {@link Locked#advance} moves are written when the transaction commits. Each entity type has one {@code Locked}
     * for the whole transaction, so that every call sees what the calls before it decided.
     */
    Locked lock(String entityType, Collection<String> entityKeys) {
        Transactions.requireActive("newest-wins check");
        Locked locked = locks.computeIfAbsent(entityType, Locked::new);
        // in one order for every transaction, so that two batches sharing entities wait for each other, not deadlock
        Set<String> keys = new TreeSet<>(entityKeys);
        keys.removeAll(locked.versions.keySet());
        if (!keys.isEmpty()) {
            Map<String, Instant> versions = locked.versions;
            jdbc.update(ENSURE_ROWS, new ArrayParameters().value(entityType).texts(keys, key -> key));
            jdbc.query(LOCK_ROWS, new ArrayParameters().value(entityType).texts(keys, key -> key), rs -> {
                OffsetDateTime time = rs.getObject("event_time", OffsetDateTime.class);
                versions.put(rs.getString("entity_key"), time == null ? null : time.toInstant());
            });
        }
        return locked;
    }

    /**
     * Whether newest-wins refused every event put to it in this transaction as older than the applied state, and so
     * none of them took effect (false when nothing was put to it: such a handler does not order its events).
     */
    boolean refusedEverything() {
        return refused > 0 && advanced == 0;
    }

    /** Writes the versions moved, and drops the placeholders of entities no event was applied to; before commit. */
    void store() {
        locks.values().forEach(Locked::store);
    }

    /** Entity versions locked by {@link #lock}; for use in the transaction that locked them. */
    public final class Locked {

        private final String entityType;
        private final Map<String, Instant> versions = new HashMap<>();
        private final Map<String, Moved> moved = new LinkedHashMap<>();

        private Locked(String entityType) {
            this.entityType = entityType;
        }

        /**
         * Moves the entity's version to this event's time.
         *
         * @return true when the event is not older than the last one applied to the entity (apply it), false when it
         *         is (ignore it)
         */
        public boolean advance(String entityKey, EventMetadata event) {
            return advance(entityKey, event.time(), event.id());
        }

        private boolean advance(String entityKey, Instant eventTime, UUID eventId) {
            if (!versions.containsKey(entityKey)) {
                throw new IllegalArgumentException(entityType + " " + entityKey + " was not locked");
            }
            Instant version = versions.get(entityKey);
            if (version != null && eventTime.isBefore(version)) {
                refused++;
                return false;
            }
            advanced++;
            versions.put(entityKey, eventTime);
            moved.put(entityKey, new Moved(eventTime, eventId));
            return true;
        }

        private void store() {
            List<String> unused = versions.entrySet().stream()
                    .filter(version -> version.getValue() == null).map(Map.Entry::getKey).toList();
            if (!unused.isEmpty()) {
                jdbc.update(REMOVE_PLACEHOLDERS, new ArrayParameters().value(entityType).texts(unused, key -> key));
            }
            if (moved.isEmpty()) {
                return;
            }
            List<Map.Entry<String, Moved>> newest = List.copyOf(moved.entrySet());
            jdbc.update(MOVE_TO, new ArrayParameters()
                    .texts(newest, Map.Entry::getKey)
                    .instants(newest, version -> version.getValue().time())
                    .uuids(newest, version -> version.getValue().eventId())
                    .value(entityType));
            moved.clear();
        }
    }

    /** The event an entity's version moved to. */
    private record Moved(Instant time, UUID eventId) {
    }
}
