package org.openedx.suite.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.openedx.suite.runner.Suite;

/**
 * The PostgreSQL limit of a flow: the rows the consumer writes for each event (its consumed-event row, its
 * newest-wins versions and its domain upserts), written with plain JDBC in batches of {@value #BATCH} events per
 * transaction, one connection per partition as the consumer has one thread per partition. Same server, a scratch
 * database ({@code bench_raw}) with copies of the consumer's tables.
 */
final class RawPostgres {

    static final int BATCH = 500;
    static final String DATABASE = "bench_raw";

    /** Sets the parameters of one statement for event {@code event}. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, int event, UUID eventId, Instant now) throws SQLException;
    }

    record Write(String sql, Binder binder) {
    }

    /**
     * The consumer's work for one event.
     *
     * @param tables   DDL of the domain tables (the event-bus tables are always there)
     * @param writes   the domain upserts of one event, after its consumed-event row
     * @param keyOf    the message key of event n: decides its partition, so its connection
     * @param typeOf   the event type of event n
     */
    record Shape(String flow, List<String> tables, List<Write> writes, IntFunction<String> keyOf,
                 IntFunction<String> typeOf) {
    }

    record Result(long events, long rows, double seconds, double eventsPerSecond, double rowsPerSecond) {
    }

    private static final List<String> EVENT_BUS_TABLES = List.of("""
            CREATE TABLE consumed_event (
                event_id        UUID        PRIMARY KEY,
                event_type      TEXT        NOT NULL,
                topic           TEXT        NOT NULL,
                kafka_partition INT         NOT NULL,
                kafka_offset    BIGINT      NOT NULL,
                event_time      TIMESTAMPTZ NOT NULL,
                consumed_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())
            """, """
            CREATE TABLE entity_version (
                entity_type TEXT        NOT NULL,
                entity_key  TEXT        NOT NULL,
                event_time  TIMESTAMPTZ NOT NULL,
                event_id    UUID        NOT NULL,
                PRIMARY KEY (entity_type, entity_key))
            """);

    private static final String CONSUMED = """
            INSERT INTO consumed_event (event_id, event_type, topic, kafka_partition, kafka_offset, event_time)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
            """;

    /** The newest-wins upsert, as {@code EntityVersions} does it. */
    static final String ADVANCE = """
            INSERT INTO entity_version (entity_type, entity_key, event_time, event_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_type, entity_key) DO UPDATE
               SET event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
             WHERE entity_version.event_time <= EXCLUDED.event_time
            """;

    private final Suite suite;

    RawPostgres(Suite suite) {
        this.suite = suite;
    }

    Result run(Shape shape, int events) throws Exception {
        suite.postgres().createDatabase(DATABASE, DATABASE, DATABASE);
        try (Connection connection = suite.postgres().connectAsSuperuser(DATABASE);
             Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            ddl.execute("CREATE SCHEMA bench");
            ddl.execute("SET search_path TO bench");
            for (String table : EVENT_BUS_TABLES) {
                ddl.execute(table);
            }
            for (String table : shape.tables()) {
                ddl.execute(table);
            }
        }
        UUID[] ids = new UUID[events];
        List<List<Integer>> byPartition = new ArrayList<>();
        for (int p = 0; p < Keys.PARTITIONS; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (int n = 0; n < events; n++) {
            ids[n] = UUID.randomUUID();
            byPartition.get(Keys.partitionOf(shape.keyOf().apply(n))).add(n);
        }
        ExecutorService threads = Executors.newFixedThreadPool(Keys.PARTITIONS);
        try {
            long started = System.nanoTime();
            List<Future<Long>> rows = new ArrayList<>();
            for (int p = 0; p < Keys.PARTITIONS; p++) {
                int partition = p;
                rows.add(threads.submit(() -> write(shape, ids, partition, byPartition.get(partition))));
            }
            long total = 0;
            for (Future<Long> written : rows) {
                total += written.get();
            }
            long nanos = System.nanoTime() - started;
            return new Result(events, total, nanos / 1e9, Stats.rate(events, nanos), Stats.rate(total, nanos));
        } finally {
            threads.shutdownNow();
        }
    }

    private long write(Shape shape, UUID[] ids, int partition, List<Integer> events) throws SQLException {
        long rows = 0;
        try (Connection connection = suite.postgres().connectAsSuperuser(DATABASE)) {
            try (Statement path = connection.createStatement()) {
                path.execute("SET search_path TO bench");
            }
            connection.setAutoCommit(false);
            List<PreparedStatement> statements = new ArrayList<>();
            statements.add(connection.prepareStatement(CONSUMED));
            for (Write write : shape.writes()) {
                statements.add(connection.prepareStatement(write.sql()));
            }
            for (int from = 0; from < events.size(); from += BATCH) {
                int to = Math.min(events.size(), from + BATCH);
                for (int i = from; i < to; i++) {
                    int event = events.get(i);
                    Instant now = Instant.now();
                    PreparedStatement consumed = statements.get(0);
                    consumed.setObject(1, ids[event]);
                    consumed.setString(2, shape.typeOf().apply(event));
                    consumed.setString(3, shape.flow());
                    consumed.setInt(4, partition);
                    consumed.setLong(5, i);
                    consumed.setTimestamp(6, Timestamp.from(now));
                    consumed.addBatch();
                    for (int w = 0; w < shape.writes().size(); w++) {
                        PreparedStatement statement = statements.get(w + 1);
                        shape.writes().get(w).binder().bind(statement, event, ids[event], now);
                        statement.addBatch();
                    }
                }
                for (PreparedStatement statement : statements) {
                    rows += statement.executeBatch().length;
                }
                connection.commit();
            }
            for (PreparedStatement statement : statements) {
                statement.close();
            }
        }
        return rows;
    }

    /** Binds {@link #ADVANCE} for an entity. */
    static void advance(PreparedStatement statement, String entityType, String entityKey, UUID eventId, Instant now)
            throws SQLException {
        statement.setString(1, entityType);
        statement.setString(2, entityKey);
        statement.setTimestamp(3, Timestamp.from(now));
        statement.setObject(4, eventId);
    }
}
