package org.openedx.suite.eventbus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the event bus's bookkeeping from growing without bound: the dedupe log ({@code consumed_event}), the
 * newest-wins versions ({@code entity_version}) and the replayed dead letters lose their rows older than their
 * configured ages ({@code event-bus.retention.*}), a bounded batch per short transaction, so consumers never wait long
 * for a lock, on one instance at a time (a PostgreSQL advisory lock), every {@code interval}.
 * <p>
 * Why exactly-once holds: a redelivery comes from the topic, and a record stays on a topic at most its retention plus
 * one segment's age (Kafka deletes whole segments); the dedupe log keeps an event's row longer than that
 * ({@code consumed-events}, 30 days against the topics' 7 + 7), so a record that can still arrive finds its row. A
 * version row may go once no older event for its entity can arrive: events of one producer reach the topic in their
 * outbox order, so only a dead letter waiting for a replay can be older, and while one waits no version row is
 * removed. Dead letters that wait are never removed: they are events that have not taken effect.
 */
final class EventBusRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventBusRetention.class);

    /** One per database, so per service: the services' databases are their own. */
    private static final long RETENTION_LOCK = 0x5E7E_4710L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventBusProperties.Retention settings;
    private ScheduledExecutorService scheduler;

    EventBusRetention(JdbcTemplate jdbc, TransactionTemplate transactions, EventBusProperties.Retention settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** What one run removed, per table. */
    record Removed(long consumedEvents, long entityVersions, long replayedDeadLetters) {
    }

    /** Removes what is older than the configured ages, batch by batch; nothing when another instance is at it. */
    Removed runOnce() {
        // the lock is a session's: held on a connection of its own for the whole run, not on the pool's
        try (Connection lock = Objects.requireNonNull(jdbc.getDataSource()).getConnection()) {
            if (!call(lock, "SELECT pg_try_advisory_lock(?)")) {
                return new Removed(0, 0, 0);
            }
            try {
                return removeOld();
            } finally {
                call(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the retention lock", e);
        }
    }

    private Removed removeOld() {
        long consumed = inBatches("DELETE FROM event_bus.consumed_event WHERE event_id IN (SELECT event_id FROM "
                + "event_bus.consumed_event WHERE consumed_at < now() - ? * interval '1 second' LIMIT ?)",
                settings.consumedEvents());
        long versions = deadLettersWait() ? 0 : inBatches("DELETE FROM event_bus.entity_version "
                + "WHERE (entity_type, entity_key) IN (SELECT entity_type, entity_key FROM event_bus.entity_version "
                + "WHERE event_time < now() - ? * interval '1 second' LIMIT ?)", settings.entityVersions());
        long deadLetters = inBatches("DELETE FROM event_bus.dead_letter WHERE id IN (SELECT id FROM "
                + "event_bus.dead_letter WHERE replayed_at < now() - ? * interval '1 second' LIMIT ?)",
                settings.replayedDeadLetters());
        if (consumed + versions + deadLetters > 0) {
            log.info("Event bus retention removed {} consumed events, {} entity versions, {} replayed dead letters",
                    consumed, versions, deadLetters);
        }
        return new Removed(consumed, versions, deadLetters);
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RETENTION_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Estimated rows per table (PostgreSQL's statistics: cheap, and exact enough to see growth). */
    Map<String, Long> tableSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        jdbc.query("SELECT relname, greatest(reltuples, 0)::bigint AS estimated FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = 'event_bus' AND c.relkind = 'r' "
                + "AND relname IN ('consumed_event', 'entity_version', 'dead_letter', 'outbox') ORDER BY relname",
                rs -> {
                    sizes.put(rs.getString("relname"), rs.getLong("estimated"));
                });
        return sizes;
    }

    void bindTo(MeterRegistry registry) {
        for (String table : new String[] {"consumed_event", "entity_version", "dead_letter", "outbox"}) {
            Gauge.builder("event_bus.table.rows", this, retention -> retention.tableSizes().getOrDefault(table, 0L))
                    .tag("table", table).description("estimated rows of the event bus's table (pg_class.reltuples)")
                    .register(registry);
        }
    }

    private boolean deadLettersWait() {
        Long waiting = jdbc.queryForObject("SELECT count(*) FROM event_bus.dead_letter WHERE replayed_at IS NULL",
                Long.class);
        return waiting != null && waiting > 0;
    }

    private long inBatches(String delete, Duration age) {
        long removed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> jdbc.update(delete, age.toSeconds(), settings.batchSize()));
            removed += batch == null ? 0 : batch;
            if (batch == null || batch < settings.batchSize()) {
                return removed;
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-bus-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Event bus retention failed; trying again in {}: {}", settings.interval(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
