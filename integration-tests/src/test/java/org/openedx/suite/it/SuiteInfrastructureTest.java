package org.openedx.suite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.KafkaTopics.Message;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.KafkaBroker;
import org.openedx.suite.runner.Ports;
import org.openedx.suite.runner.Postgres;

/**
 * The machinery every cross-service test stands on, on this very machine: a real PostgreSQL and a real Kafka broker
 * in its own process, which can crash and come back without losing what it had acknowledged.
 */
class SuiteInfrastructureTest {

    private static Path freshDir(String name) {
        return RunningSuite.repoRoot().resolve("integration-tests").resolve("target")
                .resolve("infrastructure-" + UUID.randomUUID()).resolve(name);
    }

    @Test
    void postgres_gives_each_service_its_own_database_and_user_and_keeps_the_data_across_restarts() throws SQLException {
        Path dataDir = freshDir("postgres");
        int port = Ports.free();
        String url;
        try (Postgres postgres = Postgres.start(dataDir, port)) {
            url = postgres.createDatabase("cms", "cms", "cms");
            assertThat(postgres.createDatabase("cms", "cms", "cms"))
                    .as("creating it again changes nothing")
                    .isEqualTo(url)
                    .isEqualTo("jdbc:postgresql://localhost:" + port + "/cms");

            try (Connection connection = DriverManager.getConnection(url, "cms", "cms");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE course (course_key text PRIMARY KEY)");
                statement.execute("INSERT INTO course VALUES ('course-v1:edX+DemoX+2026')");
                assertThat(single(statement, "SELECT current_user")).isEqualTo("cms");
                assertThat(single(statement, "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database "
                        + "WHERE datname = current_database()")).isEqualTo("cms");
            }
        }

        try (Postgres again = Postgres.start(dataDir, port);
             Connection connection = DriverManager.getConnection(url, "cms", "cms");
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT course_key FROM course")).isEqualTo("course-v1:edX+DemoX+2026");
        }
    }

    @Test
    void kafka_keeps_acknowledged_records_when_the_broker_crashes_and_comes_back_on_the_same_port() {
        Path dataDir = freshDir("kafka");
        int port = Ports.free();
        try (KafkaBroker broker = KafkaBroker.start(dataDir, port)) {
            String servers = broker.bootstrapServers();
            assertThat(KafkaTopics.readAll(broker, "learning-certificate-lifecycle"))
                    .as("topics exist only when created on purpose, as in production")
                    .isEmpty();
            KafkaTopics.createTopic(broker, "learning-certificate-lifecycle", 3);
            KafkaTopics.produce(broker, "learning-certificate-lifecycle", "course-v1:edX+DemoX+2026",
                    "{\"certificate\":1}".getBytes(StandardCharsets.UTF_8), Map.of("ce_type", "certificate.created"));

            List<Message> beforeCrash = KafkaTopics.readAll(broker, "learning-certificate-lifecycle");
            assertThat(beforeCrash).singleElement().satisfies(message -> {
                assertThat(message.key()).isEqualTo("course-v1:edX+DemoX+2026");
                assertThat(message.valueAsText()).isEqualTo("{\"certificate\":1}");
                assertThat(message.headers()).containsEntry("ce_type", "certificate.created");
            });
            Message acknowledged = beforeCrash.get(0);

            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.isFree(port)).as("nothing listens on the broker's port after the crash").isTrue();

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(servers);
            assertThat(KafkaTopics.readAll(broker, "learning-certificate-lifecycle"))
                    .as("what the broker acknowledged before the crash")
                    .singleElement().satisfies(message -> {
                        assertThat(message.partition()).isEqualTo(acknowledged.partition());
                        assertThat(message.offset()).isEqualTo(acknowledged.offset());
                        assertThat(message.valueAsText()).isEqualTo(acknowledged.valueAsText());
                        assertThat(message.headers()).isEqualTo(acknowledged.headers());
                    });

            KafkaTopics.produce(broker, "learning-certificate-lifecycle", "course-v1:edX+DemoX+2026",
                    "{\"certificate\":2}".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(KafkaTopics.readAll(broker, "learning-certificate-lifecycle"))
                    .extracting(Message::valueAsText)
                    .containsExactly("{\"certificate\":1}", "{\"certificate\":2}");
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
