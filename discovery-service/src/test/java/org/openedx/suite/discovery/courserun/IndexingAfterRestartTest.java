package org.openedx.suite.discovery.courserun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.discovery.courserun.Catalog.body;
import static org.openedx.suite.discovery.courserun.Catalog.catalogInfo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.openedx.suite.discovery.DiscoveryApplication;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.OperatorEndpoints;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.openedx.suite.testsupport.RealKafka;
import org.openedx.suite.testsupport.RealPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The search index is as durable as the catalog: a change the service committed but had not indexed yet when it
 * stopped is indexed when it starts again. The service runs here as it runs on its own (a Spring application, not a
 * test context), twice, on one database and one index directory.
 */
class IndexingAfterRestartTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Instant NOON = Instant.parse("2026-05-04T12:00:00Z");

    private final String database = RealPostgres.newDatabase("discovery");
    private final String topicPrefix = "r" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_change_committed_but_not_indexed_when_the_service_stopped_is_indexed_when_it_starts_again()
            throws Exception {
        String indexed = "course-v1:RestartX+THERMO1+2026";
        String pending = "course-v1:RestartX+HYDRO1+2026";

        try (ConfigurableApplicationContext service = start()) {
            Catalog catalog = catalog(service);
            catalog.publish(catalogInfo(indexed, "Thermodynamics"), NOON);
            await().atMost(EVENTUALLY).until(() -> keysFound(catalog, "thermodynamics").equals(List.of(indexed)));

            // What a poll's transaction commits for a new run: the run, and the publication of its indexing (as
            // CatalogInfoChangedHandler's event leaves it in the registry); then the service stops before the
            // indexing has run, as a crash right after the commit would leave it.
            new TransactionTemplate(service.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                EntityManager entityManager = service.getBean(EntityManager.class);
                CourseRunDetails details = CourseRunDetails.of(catalogInfo(pending, "Hydrology"), NOON);
                entityManager.persist(new Course(details.course(), details.title(), NOON));
                CourseRun run = new CourseRun(pending, NOON);
                run.describe(details);
                entityManager.persist(run);
                entityManager.flush();
                service.getBean(EventPublicationRegistry.class).store(CourseRunsChanged.of(List.of(pending)),
                        Stream.of(PublicationTargetIdentifier.of(CourseRunIndexing.LISTENER)));
            });
            assertThat(catalog.runOrNull(pending)).isNotNull();
            assertThat(keysFound(catalog, "hydrology")).isEmpty();
        }
        assertThat(outstandingPublications()).containsExactly(CourseRunIndexing.LISTENER);

        try (ConfigurableApplicationContext service = start()) {
            Catalog catalog = catalog(service);

            await().atMost(EVENTUALLY).until(() -> keysFound(catalog, "hydrology").equals(List.of(pending)));
            // the index kept what it had (so this was no rebuild of an empty index), and the publication is done
            assertThat(keysFound(catalog, "thermodynamics")).containsExactly(indexed);
            await().atMost(EVENTUALLY).until(() -> outstandingPublications().isEmpty());
        }
    }

    /** Discovery on its own database, index directory and topics, with the JVM's Kafka and token issuer. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DiscoveryApplication.class)
                .run(RealInfrastructure.applicationArguments(database, topicPrefix));
    }

    private static Catalog catalog(ConfigurableApplicationContext service) {
        RestTestClient http = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
                .defaultHeader(HttpHeaders.AUTHORIZATION, OperatorEndpoints.operator()).build();
        return new Catalog(http, RealKafka.bootstrapServers(), service.getBean(EventBusTopics.class),
                service.getBean(JdbcTemplate.class));
    }

    private static List<String> keysFound(Catalog catalog, String text) {
        JsonNode page = body(catalog.search(text).expectStatus().isOk());
        List<String> keys = new ArrayList<>();
        page.get("items").forEach(item -> keys.add(item.get("key").asString()));
        return keys;
    }

    /** The listeners of the publications not completed, read with the service stopped or running. */
    private List<String> outstandingPublications() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, RealPostgres.USER, RealPostgres.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT listener_id FROM event_publication WHERE completion_date IS NULL")) {
            List<String> listeners = new ArrayList<>();
            while (rows.next()) {
                listeners.add(rows.getString(1));
            }
            return listeners;
        }
    }
}
