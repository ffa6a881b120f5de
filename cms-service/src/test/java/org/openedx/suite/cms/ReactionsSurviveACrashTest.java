package org.openedx.suite.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.openedx.suite.testsupport.RealPostgres;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CMS stops right after a block change commits, before any of its in-process reactions ran (they wait behind a
 * task that never ends, and the stop discards them, as a kill would). Started again on the same database and index,
 * it runs them: the block gets its language tag and its search document, once.
 */
class ReactionsSurviveACrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_change_whose_reactions_never_ran_is_tagged_and_indexed_once_after_a_restart() throws Exception {
        String[] arguments = RealInfrastructure.applicationArguments(RealPostgres.newDatabase("cms_crash"),
                "crash" + UUID.randomUUID().toString().substring(0, 6),
                // one thread for the reactions, which the test keeps busy
                "--spring.task.execution.pool.core-size=1", "--spring.task.execution.pool.max-size=1",
                // the stop does not wait for the task that never ends
                "--spring.lifecycle.timeout-per-shutdown-phase=1s");

        ConfigurableApplicationContext first = start(arguments);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        String base = "http://localhost:" + ((WebServerApplicationContext) first).getWebServer().getPort();
        String course = "course-v1:edX+X" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        post(base + "/api/courses", Map.of("course_key", course, "name", "Crash course",
                "start", "2026-09-01T08:00:00Z", "language", "fr"));
        // a first chapter, tagged and indexed before the crash: the index is not empty, so the restart has no
        // reason to build it again, and only the reactions can bring the second chapter in
        post(base + "/api/courses/" + course + "/blocks", Map.of("block_type", "chapter", "display_name", "Botany"));
        await().atMost(EVENTUALLY).until(() -> pendingReactions(jdbc) == 0);

        CountDownLatch never = new CountDownLatch(1);
        first.getBean("applicationTaskExecutor", TaskExecutor.class).execute(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String chapter = post(base + "/api/courses/" + course + "/blocks",
                Map.of("block_type", "chapter", "display_name", "Photosynthesis")).path("usage_key").asString();
        assertThat(pendingReactions(jdbc)).as("tagging and indexing recorded, not run").isPositive();
        first.close();
        never.countDown();

        ConfigurableApplicationContext second = start(arguments);
        try {
            JdbcTemplate again = second.getBean(JdbcTemplate.class);
            String restarted = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                assertThat(pendingReactions(again)).isZero();
                assertThat(again.queryForList("SELECT taxonomy || ':' || value FROM object_tag WHERE object_id = ?",
                        String.class, chapter)).containsExactly("Language:fr");
                JsonNode found = get(restarted + "/api/courses/" + course + "/search?q=photosynthesis");
                assertThat(found.path("total").asLong()).isEqualTo(1);
                assertThat(found.path("results").get(0).path("usage_key").asString()).isEqualTo(chapter);
                assertThat(found.path("facets").path("tags").path("Language").path("fr").asLong()).isEqualTo(1);
            });
            assertThat(again.queryForObject("SELECT count(*) FROM object_tag", Integer.class))
                    .as("the course and its two chapters, one tag each").isEqualTo(3);
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start(String[] arguments) {
        return new SpringApplicationBuilder(CmsApplication.class).run(arguments);
    }

    private static int pendingReactions(JdbcTemplate jdbc) {
        Integer pending = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
                Integer.class);
        return pending == null ? 0 : pending;
    }

    private JsonNode post(String uri, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + TestIssuer.operatorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + TestIssuer.operatorToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
