package org.openedx.suite.it.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/** Read-only looks into a service's own database, to count what really happened there. */
record ServiceDatabase(Suite suite, SuiteService service) {

    /** How many of these events the service recorded as consumed: each at most once, by its primary key. */
    long consumed(Collection<UUID> eventIds) {
        return count("SELECT count(*) FROM event_bus.consumed_event WHERE event_id = ANY (?)", eventIds);
    }

    /** Events among these applied more than once: the consumed-event log would show them twice. */
    long appliedTwice(Collection<UUID> eventIds) {
        return count("SELECT count(*) - count(DISTINCT event_id) FROM event_bus.consumed_event WHERE event_id = ANY (?)",
                eventIds);
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
        try (Connection connection = suite.postgres().connectAsSuperuser(service.database());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Collection<?> values) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", values.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service.database() + " failed: " + sql, e);
        }
    }
}
