package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.shortId;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.it.reliability.ServiceDatabase;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/** Course metadata sync: what an author publishes in the CMS is what the catalog shows, and only the newest of it. */
class CourseCatalogSyncTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static Suite suite;
    private static String cms;
    private static String discovery;

    private final String courseKey = "course-v1:edX+Sync" + shortId() + "+2026";

    @BeforeAll
    static void suite() {
        suite = RunningSuite.with(SuiteService.CMS, SuiteService.DISCOVERY);
        cms = suite.service(SuiteService.CMS).baseUrl();
        discovery = suite.service(SuiteService.DISCOVERY).baseUrl();
    }

    @Test
    void a_course_published_in_the_cms_appears_in_the_catalog_with_every_field() {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("course_key", courseKey);
        course.put("name", "Statistical Mechanics");
        course.put("start", "2026-09-01T08:00:00Z");
        course.put("end", "2027-01-31T17:00:00Z");
        course.put("enrollment_start", "2026-06-01T00:00:00Z");
        course.put("enrollment_end", "2026-09-15T00:00:00Z");
        course.put("pacing", "self");
        course.put("catalog_visibility", "about");
        course.put("invitation_only", true);
        JsonNode created = expect(201, Http.post(cms + "/api/courses", course));
        expect(202, Http.post(cms + "/api/courses/" + courseKey + "/publish", Map.of()));

        JsonNode run = awaitRun(r -> true);
        assertThat(run.path("key").asString()).isEqualTo(courseKey);
        assertThat(run.path("course").asString()).isEqualTo("edX+" + courseKey.split("\\+")[1]);
        assertThat(run.path("title").asString()).isEqualTo("Statistical Mechanics");
        assertThat(instant(run, "start")).isEqualTo(Instant.parse("2026-09-01T08:00:00Z"));
        assertThat(instant(run, "end")).isEqualTo(Instant.parse("2027-01-31T17:00:00Z"));
        assertThat(instant(run, "enrollment_start")).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(instant(run, "enrollment_end")).isEqualTo(Instant.parse("2026-09-15T00:00:00Z"));
        assertThat(run.path("pacing_type").asString()).isEqualTo("self_paced");
        assertThat(run.path("hidden").asBoolean()).as("visibility 'about' hides the run").isTrue();
        assertThat(run.path("invitation_only").asBoolean()).isTrue();
        assertThat(instant(run, "modified")).isEqualTo(instant(created, "edited_at"));
    }

    @Test
    void an_edit_published_again_updates_the_catalog() {
        expect(201, Http.post(cms + "/api/courses", Map.of("course_key", courseKey, "name", "Optics",
                "start", "2026-09-01T00:00:00Z")));
        expect(202, Http.post(cms + "/api/courses/" + courseKey + "/publish", Map.of()));
        awaitRun(r -> r.path("title").asString().equals("Optics"));

        JsonNode edited = expect(200, Http.put(cms + "/api/courses/" + courseKey, Map.of("name", "Advanced Optics",
                "start", "2026-10-01T00:00:00Z", "pacing", "self", "catalog_visibility", "both")));
        // an edit alone changes nothing downstream; the publish does
        assertThat(expect(200, Http.get(discovery + "/api/course-runs/" + courseKey)).path("title").asString())
                .isEqualTo("Optics");
        expect(202, Http.post(cms + "/api/courses/" + courseKey + "/publish", Map.of()));

        JsonNode run = awaitRun(r -> r.path("title").asString().equals("Advanced Optics"));
        assertThat(instant(run, "start")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(run.path("pacing_type").asString()).isEqualTo("self_paced");
        assertThat(run.path("hidden").asBoolean()).isFalse();
        assertThat(instant(run, "modified")).isEqualTo(instant(edited, "edited_at"));
        // the search index follows a moment after the run (its reaction runs once the poll commits)
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                expect(200, Http.get(discovery + "/api/course-runs?q=advanced+optics")).toString()).contains(courseKey));
    }

    @Test
    void an_older_catalog_event_arriving_after_a_newer_publish_is_ignored() {
        expect(201, Http.post(cms + "/api/courses", Map.of("course_key", courseKey, "name", "Current title",
                "start", "2026-09-01T00:00:00Z")));
        UUID published = UUID.fromString(expect(202, Http.post(cms + "/api/courses/" + courseKey + "/publish",
                Map.of())).path("event_id").asString());
        JsonNode run = awaitRun(r -> r.path("title").asString().equals("Current title"));

        var stale = new CatalogInfoChangedEvent(new CourseCatalogData(courseKey, "Stale title",
                new CourseScheduleData(Instant.parse("2026-09-01T00:00:00Z"), "instructor", null, null, null),
                false, false));
        UUID staleId = UUID.randomUUID();
        KafkaTopics.produceEvent(suite.kafka(), suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED),
                courseKey, EventMetadata.of(staleId, OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms",
                        instant(run, "modified").minusSeconds(3600), "test"), stale);
        // ignoring it shows nothing, so wait until discovery has consumed it before looking
        ServiceDatabase discoveryDb = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        await().atMost(EVENTUALLY).until(() -> discoveryDb.consumed(List.of(staleId)) == 1);

        JsonNode after = expect(200, Http.get(discovery + "/api/course-runs/" + courseKey));
        assertThat(after.path("title").asString()).isEqualTo("Current title");
        assertThat(instant(after, "modified")).isEqualTo(instant(run, "modified"));
        JsonNode history = expect(200, Http.get(discovery + "/api/course-runs/" + courseKey + "/history"));
        assertThat(history.path("items").valueStream().map(entry -> entry.path("event_id").asString()))
                .as("the run's history: the publish only").containsExactly(published.toString());
    }

    private JsonNode awaitRun(java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(EVENTUALLY).until(() -> {
            var response = Http.get(discovery + "/api/course-runs/" + courseKey);
            return response.status() == 200 ? response.json() : null;
        }, run -> run != null && condition.test(run));
    }

    private static Instant instant(JsonNode node, String field) {
        return java.time.OffsetDateTime.parse(node.path(field).asString()).toInstant();
    }

    private static JsonNode expect(int status, Http.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response.json();
    }
}
