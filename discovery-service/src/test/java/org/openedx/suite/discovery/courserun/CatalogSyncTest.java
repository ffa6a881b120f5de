package org.openedx.suite.discovery.courserun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.discovery.courserun.Catalog.catalogInfo;
import static org.openedx.suite.discovery.courserun.Catalog.json;
import static org.openedx.suite.discovery.courserun.Catalog.newCourseKey;
import static org.openedx.suite.discovery.courserun.Catalog.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.discovery.DiscoveryServiceTest;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Discovery keeps its course runs from the CMS's catalog_info.changed events. */
@DiscoveryServiceTest
class CatalogSyncTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Instant NOON = Instant.parse("2026-05-04T12:00:00.123456Z");

    private final Catalog catalog;

    CatalogSyncTest(Catalog catalog) {
        this.catalog = catalog;
    }

    @Test
    void a_run_is_unknown_until_its_first_event_which_creates_it_and_its_course() {
        String key = newCourseKey();
        catalog.get(run(key)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        catalog.publish(new CourseCatalogData(key, "Demonstration Course", new CourseScheduleData(
                Instant.parse("2026-09-01T08:00:00Z"), "self", Instant.parse("2026-12-20T17:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-09-15T00:00:00Z")), true, true), NOON);

        JsonNode run = awaitRun(key);
        assertThat(run.get("key").asString()).isEqualTo(key);
        assertThat(run.get("course").asString()).isEqualTo(course(key));
        assertThat(run.get("title").asString()).isEqualTo("Demonstration Course");
        assertThat(instant(run, "start")).isEqualTo("2026-09-01T08:00:00Z");
        assertThat(instant(run, "end")).isEqualTo("2026-12-20T17:00:00Z");
        assertThat(instant(run, "enrollment_start")).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(instant(run, "enrollment_end")).isEqualTo("2026-09-15T00:00:00Z");
        assertThat(run.get("pacing_type").asString()).isEqualTo("self_paced");
        assertThat(run.get("hidden").asBoolean()).isTrue();
        assertThat(run.get("invitation_only").asBoolean()).isTrue();
        assertThat(instant(run, "modified")).isEqualTo(NOON);
        assertThat(catalog.coursesWithKey(course(key))).isEqualTo(1);
    }

    @Test
    void runs_of_one_course_share_it() {
        String first = "course-v1:edX+S" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
        String second = first.replace("+2026_T1", "+2027_T1");

        catalog.publish(catalogInfo(first, "Spring run"), NOON);
        catalog.publish(catalogInfo(second, "Autumn run"), NOON);

        assertThat(awaitRun(first).get("course").asString()).isEqualTo(course(first));
        assertThat(awaitRun(second).get("course").asString()).isEqualTo(course(first));
        assertThat(catalog.coursesWithKey(course(first))).isEqualTo(1);
    }

    @Test
    void a_newer_event_updates_the_run_and_its_modified_time() {
        String key = newCourseKey();
        catalog.publish(catalogInfo(key, "First title"), NOON);
        awaitRun(key);

        Instant later = NOON.plusSeconds(3600);
        catalog.publish(new CourseCatalogData(key, "Second title", new CourseScheduleData(
                Instant.parse("2026-10-01T08:00:00Z"), "instructor", Instant.parse("2027-01-31T00:00:00Z"), null,
                null), false, false), later);

        JsonNode run = await().atMost(EVENTUALLY).until(() -> catalog.runOrNull(key),
                r -> r.get("title").asString().equals("Second title"));
        assertThat(run.get("pacing_type").asString()).isEqualTo("instructor_paced");
        assertThat(instant(run, "start")).isEqualTo("2026-10-01T08:00:00Z");
        assertThat(instant(run, "end")).isEqualTo("2027-01-31T00:00:00Z");
        assertThat(run.get("hidden").asBoolean()).isFalse();
        assertThat(instant(run, "modified")).isEqualTo(later);
    }

    @Test
    void an_older_event_arriving_late_is_ignored() {
        String key = newCourseKey();
        catalog.publish(catalogInfo(key, "Newer"), NOON);
        awaitRun(key);

        UUID late = catalog.publish(catalogInfo(key, "Older"), NOON.minusSeconds(60));
        await().atMost(EVENTUALLY).until(() -> catalog.consumed(late));

        JsonNode run = catalog.runOrNull(key);
        assertThat(run.get("title").asString()).isEqualTo("Newer");
        assertThat(instant(run, "modified")).isEqualTo(NOON);
    }

    @Test
    void an_event_delivered_twice_is_applied_once() {
        String key = newCourseKey();
        UUID id = UUID.randomUUID();
        byte[] first = EventJson.write(new CatalogInfoChangedEvent(catalogInfo(key, "First")));
        catalog.send(key, first, id, NOON);
        catalog.publish(catalogInfo(key, "Second"), NOON);

        // the first event again, as Kafka redelivers it; applied a second time it would win the tie on NOON
        catalog.send(key, first, id, NOON);
        UUID marker = catalog.publish(catalogInfo(key, "Older marker"), NOON.minusSeconds(1));
        await().atMost(EVENTUALLY).until(() -> catalog.consumed(marker));

        assertThat(catalog.runOrNull(key).get("title").asString()).isEqualTo("Second");
    }

    @Test
    void the_history_has_one_entry_per_applied_event_in_the_order_they_were_applied() {
        String key = newCourseKey();
        UUID first = catalog.publish(catalogInfo(key, "First"), NOON);
        awaitRun(key);
        UUID second = catalog.publish(catalogInfo(key, "Second"), NOON.plusSeconds(1));
        // a redelivery of the first and an event older than the second change nothing
        catalog.send(key, EventJson.write(new CatalogInfoChangedEvent(catalogInfo(key, "First"))), first, NOON);
        UUID stale = catalog.publish(catalogInfo(key, "Stale"), NOON.minusSeconds(60));
        UUID third = catalog.publish(catalogInfo(key, "Third"), NOON.plusSeconds(2));
        await().atMost(EVENTUALLY).until(() -> catalog.consumed(third));

        List<JsonNode> history = catalog.history(key);
        assertThat(history).extracting(entry -> entry.get("event_id").asString())
                .containsExactly(first.toString(), second.toString(), third.toString());
        assertThat(history).extracting(entry -> entry.get("run").get("title").asString())
                .containsExactly("First", "Second", "Third");
        assertThat(history).extracting(entry -> instant(entry.get("run"), "modified"))
                .containsExactly(NOON, NOON.plusSeconds(1), NOON.plusSeconds(2));
        assertThat(catalog.consumed(stale)).isTrue();
    }

    @Test
    void a_burst_of_events_for_many_runs_leaves_each_run_as_its_newest_event_describes_it() {
        List<String> keys = IntStream.range(0, 8).mapToObj(i -> newCourseKey()).toList();
        Random random = new Random(42);
        List<Catalog.Published> burst = new ArrayList<>();
        Map<String, List<String>> expectedHistory = new HashMap<>();
        Map<String, Instant> newest = new HashMap<>();
        for (int n = 0; n < 200; n++) {
            String key = keys.get(random.nextInt(keys.size()));
            // times go back now and then: those events arrive late and must leave no trace
            Instant time = NOON.plusSeconds(random.nextInt(60));
            String title = "Revision " + n;
            burst.add(new Catalog.Published(catalogInfo(key, title), time));
            if (!newest.containsKey(key) || !time.isBefore(newest.get(key))) {
                newest.put(key, time);
                expectedHistory.computeIfAbsent(key, k -> new ArrayList<>()).add(title);
            }
        }

        catalog.publishTogether(burst);
        await().atMost(EVENTUALLY).until(() -> burst.stream().allMatch(event -> catalog.consumed(event.id())));

        for (String key : keys) {
            List<String> applied = expectedHistory.get(key);
            assertThat(catalog.history(key)).extracting(entry -> entry.get("run").get("title").asString())
                    .as("history of %s", key).containsExactlyElementsOf(applied);
            JsonNode run = catalog.runOrNull(key);
            assertThat(run.get("title").asString()).isEqualTo(applied.get(applied.size() - 1));
            assertThat(instant(run, "modified")).isEqualTo(newest.get(key));
        }
    }

    @Test
    void the_history_of_a_run_the_catalog_does_not_know_is_not_found() {
        catalog.get(run(newCourseKey()) + "/history").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unusable_events_go_to_the_dead_letter_topic_at_once_and_the_next_event_is_applied() {
        String key = newCourseKey();
        UUID malformedKey = UUID.randomUUID();
        catalog.send(key, EventJson.write(new CatalogInfoChangedEvent(catalogInfo("course-v1:edX+DemoX", "No run"))),
                malformedKey, NOON);
        catalog.send(key, EventJson.write(new CatalogInfoChangedEvent(new CourseCatalogData(key, "Odd pacing",
                new CourseScheduleData(NOON, "sometimes", null, null, null), false, false))), UUID.randomUUID(), NOON);
        catalog.send(key, json("{\"catalog_info\": {\"course_key\": \"" + key + "\"}}"), UUID.randomUUID(), NOON);
        catalog.publish(catalogInfo(key, "Good"), NOON);

        assertThat(awaitRun(key).get("title").asString()).isEqualTo("Good");
        List<Message> deadLetters = await().atMost(EVENTUALLY)
                .until(() -> catalog.deadLettersFor(key), letters -> letters.size() == 3);
        assertThat(deadLetters).extracting(m -> m.header("kafka_dlt-exception-message"))
                .anySatisfy(cause -> assertThat(cause).contains("catalog_info.course_key must be a course key"))
                .anySatisfy(cause -> assertThat(cause).contains("catalog_info.schedule_data.pacing must be self or instructor"))
                .anySatisfy(cause -> assertThat(cause).contains("does not fit the contract"));
        // the dead letter keeps the original envelope, so it can be replayed as it was
        assertThat(deadLetters.get(0).header("ce_id")).isEqualTo(malformedKey.toString());
        assertThat(deadLetters.get(0).header("ce_type"))
                .isEqualTo("org.openedx.content_authoring.course.catalog_info.changed.v1");
        assertThat(catalog.consumed(malformedKey)).as("a dead letter is not recorded as applied").isFalse();
        catalog.getAsOperator("/actuator/deadletters").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.event_id == '" + malformedKey + "')]").exists();
    }

    private JsonNode awaitRun(String key) {
        return await().atMost(EVENTUALLY).until(() -> catalog.runOrNull(key), Objects::nonNull);
    }

    private static Instant instant(JsonNode run, String field) {
        return Instant.parse(run.get(field).asString());
    }

    private static String course(String courseKey) {
        return courseKey.substring("course-v1:".length(), courseKey.lastIndexOf('+'));
    }
}
