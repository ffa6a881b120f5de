package org.openedx.suite.eventbus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.openedx.suite.contracts.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Newest wins: remembers, per entity, the time of the last event applied to it, so that an older event arriving late
 * is ignored. Call it from an {@link EventHandler}, in the handler's transaction, before applying the effect.
 */
public class EntityVersions {

    // Equal times apply: events of one key arrive in outbox order, so a tie is resolved by arrival.
    private static final String ADVANCE = """
            INSERT INTO event_bus.entity_version (entity_type, entity_key, event_time, event_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_type, entity_key) DO UPDATE
               SET event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
             WHERE entity_version.event_time <= EXCLUDED.event_time
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
}
