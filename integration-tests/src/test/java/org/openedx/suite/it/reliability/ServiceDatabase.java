package org.openedx.suite.it.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Looks into a service's own database, to count what really happened there. Public for the flow tests, which ask
 * whether a consumer has seen an event that, by design, leaves no visible effect.
 */
public record ServiceDatabase(Suite suite, SuiteService service) {

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * How many of these events the service recorded as consumed (event_bus.consumed_event): each at most once, as the
     * table's primary key is the event id. Consumed is not applied: an event newest-wins ignores is consumed too.
     */
    public long consumed(Collection<UUID> eventIds) {
        return count("SELECT count(*) FROM event_bus.consumed_event WHERE event_id = ANY (?)", eventIds);
    }

    /** Dead letters of these events that are settled: replayed, or found applied meanwhile. */
    long deadLettersSettled(Collection<UUID> eventIds) {
        // event_id is text there: a poison message's ce_id need not be a UUID
        return count("SELECT count(*) FROM event_bus.dead_letter WHERE event_id = ANY (CAST(? AS text[])) "
                + "AND replayed_at IS NOT NULL", eventIds);
    }

    /** Events written to the service's outbox and not yet acknowledged by Kafka. */
    long outboxPending() {
        return count("SELECT count(*) FROM event_bus.outbox");
    }

    long count(String sql, Object... parameters) {
        return query(sql, row -> row.getLong(1), parameters).get(0);
    }

    /** Every row of a query; a collection parameter is bound as an array of UUIDs or texts, as its elements are. */
    <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = connect()) {
            return query(connection, sql, reader, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service.database() + " failed: " + sql, e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, RowReader<T> reader, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Collection<?> values) {
                    String type = values.stream().findFirst().orElse(null) instanceof String ? "text" : "uuid";
                    statement.setArray(i + 1, connection.createArrayOf(type, values.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    /** A connection of its own, for a test that holds locks in the service's database while the service works. */
    Connection connect() throws SQLException {
        return suite.postgres().connectAsSuperuser(service.database());
    }
}
