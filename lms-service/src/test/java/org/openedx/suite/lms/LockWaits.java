package org.openedx.suite.lms;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** How many sessions of the service's database wait for a lock that another session holds. */
final class LockWaits {

    private LockWaits() {
    }

    /**
     * Asked on a connection of its own: inside a transaction PostgreSQL keeps answering with the activity it saw
     * first.
     */
    static long sessionsWaiting(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet waiting = statement.executeQuery("""
                     SELECT count(*) FROM pg_stat_activity
                      WHERE datname = current_database() AND wait_event_type = 'Lock'
                     """)) {
            waiting.next();
            return waiting.getLong(1);
        }
    }
}
