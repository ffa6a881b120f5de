package org.openedx.suite.it.reliability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * discovery-service's catalog as its database holds it. Every applied catalog event adds a row to
 * {@code course_run_history}, in the order discovery applied them, and nothing makes an event's row unique: an event
 * applied twice leaves two rows. So the history counts applications, which the consumed-event log (one row per event
 * id, by its primary key) cannot.
 *
 * <p>Newest wins leaves no row for an event older than one already applied to its run; the tests that count with
 * this history send each run's events in time order, so every event they send must leave exactly one row.
 */
record DiscoveryCatalog(ServiceDatabase database) {

    /** A run as one applied event left it (a history row), or as the catalog shows it now (then without event). */
    record Entry(UUID eventId, String key, String title, Instant modified) {
    }

    /** The history rows of these events, in the order discovery applied them. */
    List<Entry> historyOf(Collection<UUID> eventIds) {
        return database.query("""
                SELECT event_id, key, title, modified FROM course_run_history
                 WHERE event_id = ANY (?) ORDER BY id
                """, row -> new Entry(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getObject(4, OffsetDateTime.class).toInstant()), eventIds);
    }

    /** The runs as the catalog shows them now, by key. */
    List<Entry> runs(Collection<String> keys) {
        return database.query("SELECT key, title, modified FROM course_run WHERE key = ANY (?) ORDER BY key",
                row -> new Entry(null, row.getString(1), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()), keys);
    }

    /** How many of these events have taken effect, each counted once. */
    long applied(Collection<UUID> eventIds) {
        return database.count("SELECT count(DISTINCT event_id) FROM course_run_history WHERE event_id = ANY (?)",
                eventIds);
    }

    /** What the history shows of these events, each of which had to be applied exactly once. */
    Effects effectsOf(Collection<UUID> sent) {
        List<Entry> rows = historyOf(sent);
        long distinct = rows.stream().map(Entry::eventId).distinct().count();
        return new Effects(sent.size(), distinct, sent.size() - distinct, rows.size() - distinct);
    }
}
