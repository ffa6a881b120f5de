package org.openedx.suite.it.reliability;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A transaction the test keeps open in a service's database, to hold locks that the service will run into and wait
 * for: that stops the service at a chosen point, deterministically, with no hook in its code. Closing it rolls back,
 * so it leaves nothing behind.
 */
final class HeldTransaction implements AutoCloseable {

    private final ServiceDatabase database;
    private final Connection connection;
    private final int pid;

    private HeldTransaction(ServiceDatabase database, Connection connection, int pid) {
        this.database = database;
        this.connection = connection;
        this.pid = pid;
    }

    static HeldTransaction open(ServiceDatabase database) throws SQLException {
        Connection connection = database.connect();
        try {
            connection.setAutoCommit(false);
            int pid = ServiceDatabase.query(connection, "SELECT pg_backend_pid()", row -> row.getInt(1)).get(0);
            return new HeldTransaction(database, connection, pid);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs a statement in the transaction; its first column of its first row, as text (null when none). */
    String run(String sql, Object... parameters) throws SQLException {
        return ServiceDatabase.query(connection, sql, row -> row.getString(1), parameters).stream().findFirst()
                .orElse(null);
    }

    /** Whether one of the service's connections waits for a lock this transaction holds. */
    boolean isWaitedOn() {
        return database.count("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", pid) > 0;
    }

    /** Rolls back, releasing what the transaction held. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
