package org.openedx.suite.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * A look behind a service's back into its database, as the superuser: how many events wait in its outbox, how many it
 * has applied and when. One connection, kept open, so that polling it costs one query and no connection set-up.
 */
final class ServiceDb implements AutoCloseable {

    private final Connection connection;
    private final String name;

    private ServiceDb(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    static ServiceDb of(Suite suite, SuiteService service) {
        return of(suite, service.database());
    }

    static ServiceDb of(Suite suite, String database) {
        try {
            Connection connection = suite.postgres().connectAsSuperuser(database);
            connection.setAutoCommit(true);
            return new ServiceDb(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to database " + database, e);
        }
    }

    /** The smallest outbox id, or -1 when the outbox is empty: an index lookup, cheap enough to poll every few ms. */
    synchronized long outboxHead() {
        return queryLong("SELECT coalesce(min(id), -1) FROM event_bus.outbox");
    }

    synchronized long outboxCount() {
        return queryLong("SELECT count(*) FROM event_bus.outbox");
    }

    /** Rows of the outbox of one event type. */
    synchronized long outboxCount(String eventType) {
        return queryLong("SELECT count(*) FROM event_bus.outbox WHERE event_type = ?", eventType);
    }

    /** Applied events whose type matches the LIKE pattern. */
    synchronized long consumed(String typePattern) {
        return queryLong("SELECT count(*) FROM event_bus.consumed_event WHERE event_type LIKE ?", typePattern);
    }

    synchronized long deadLetters() {
        return queryLong("SELECT count(*) FROM event_bus.dead_letter");
    }

    /** First and last {@code consumed_at} of the matching events applied since {@code since}. */
    synchronized Instant[] consumedBetween(String typePattern, Instant since) {
        String sql = """
                SELECT min(consumed_at), max(consumed_at) FROM event_bus.consumed_event
                 WHERE event_type LIKE ? AND consumed_at >= ?
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, typePattern);
            statement.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Timestamp first = rows.getTimestamp(1);
                Timestamp last = rows.getTimestamp(2);
                return new Instant[] {first == null ? null : first.toInstant(), last == null ? null : last.toInstant()};
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    synchronized long queryLong(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Every row of a query, its columns as strings. */
    synchronized List<String[]> rows(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            List<String[]> result = new ArrayList<>();
            while (rows.next()) {
                String[] row = new String[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rows.getString(c + 1);
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** One double per row (the first column), e.g. latencies in milliseconds. */
    synchronized double[] doubles(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<Double> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getDouble(1));
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at the end of a run: nothing left to protect
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (parameter instanceof Object[] array) {
                statement.setArray(i + 1, connection.createArrayOf(array instanceof java.util.UUID[] ? "uuid" : "text",
                        array));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("query on " + name + " failed: " + sql.strip(), e);
    }
}
