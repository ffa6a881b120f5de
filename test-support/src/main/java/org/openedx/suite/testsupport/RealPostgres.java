package org.openedx.suite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL server for the tests of one JVM (started on first use, stopped when the JVM ends), with a fresh
 * database for each caller so that test contexts never see each other's rows. Embedded, or the container of
 * docker-compose.yml's image, as {@link SuiteInfrastructure} chose.
 */
public final class RealPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** The image docker-compose.yml runs. */
    public static final String IMAGE = "postgres:18";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static PostgreSQLContainer container;

    private RealPostgres() {
    }

    /** Creates an empty database and returns its JDBC URL; log in as {@link #USER} / {@link #PASSWORD}. */
    public static synchronized String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        boolean containers = SuiteInfrastructure.current() == SuiteInfrastructure.CONTAINERS;
        try (Connection connection = containers ? container().createConnection("")
                : server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return containers ? "jdbc:postgresql://" + container().getHost() + ":" + container().getMappedPort(5432) + "/"
                + name : server().getJdbcUrl(USER, name);
    }

    private static PostgreSQLContainer container() {
        if (container == null) {
            PostgreSQLContainer started = new PostgreSQLContainer(DockerImageName.parse(IMAGE))
                    .withDatabaseName("postgres").withUsername(USER).withPassword(PASSWORD);
            started.start();
            container = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-container-stop"));
        }
        return container;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the server process ends with it
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
