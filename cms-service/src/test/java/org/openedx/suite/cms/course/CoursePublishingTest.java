package org.openedx.suite.cms.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.cms.course.CmsClient.fullCourse;
import static org.openedx.suite.cms.course.CmsClient.instant;
import static org.openedx.suite.cms.course.CmsClient.minimalCourse;
import static org.openedx.suite.cms.course.CmsClient.newCourseKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import tools.jackson.databind.JsonNode;

@CmsServiceTest
class CoursePublishingTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final CmsClient cms;

    CoursePublishingTest(CmsClient cms) {
        this.cms = cms;
    }

    @Test
    void publishing_announces_the_course_on_the_catalog_topic_with_the_open_edx_envelope() {
        String key = newCourseKey();
        JsonNode created = cms.create(fullCourse(key));

        JsonNode publication = cms.publish(key);

        assertThat(publication.get("course_key").asString()).isEqualTo(key);
        String eventId = publication.get("event_id").asString();
        Message event = published(eventId);
        assertThat(event.topic()).isEqualTo(cms.catalogTopic());
        assertThat(event.key()).isEqualTo(key);
        assertThat(event.headers())
                .containsEntry("ce_type", "org.openedx.content_authoring.course.catalog_info.changed.v1")
                .containsEntry("ce_source", "openedx/cms/web")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_time", EventTimes.format(instant(created.get("edited_at"))))
                .containsEntry("content-type", "application/json");
        assertThat(EventJson.read(event.value().getBytes(StandardCharsets.UTF_8), CatalogInfoChangedEvent.class))
                .isEqualTo(new CatalogInfoChangedEvent(new CourseCatalogData(key, "Demonstration Course",
                        new CourseScheduleData(Instant.parse("2026-09-01T08:00:00Z"), "self",
                                Instant.parse("2026-12-20T17:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"),
                                Instant.parse("2026-09-15T00:00:00Z")),
                        true, true)));
        assertThat(event.value()).contains("\"catalog_info\"", "\"schedule_data\"", "\"invitation_only\":true");

        JsonNode after = cms.read(key);
        assertThat(after.get("publish_count").asInt()).isEqualTo(1);
        assertThat(after.get("published_at").isNull()).isFalse();
        assertThat(after.get("edited_at")).as("publishing is not an edit").isEqualTo(created.get("edited_at"));
    }

    @ParameterizedTest(name = "catalog_visibility {0} -> hidden {1}")
    @CsvSource({"both, false", "about, true", "none, true"})
    void a_course_is_hidden_from_the_catalog_unless_it_is_visible_both_in_listings_and_on_its_about_page(
            String visibility, boolean hidden) {
        String key = newCourseKey();
        Map<String, Object> body = minimalCourse(key);
        body.put("catalog_visibility", visibility);
        cms.create(body);

        CourseCatalogData info = catalogInfo(published(cms.publish(key).get("event_id").asString()));

        assertThat(info.hidden()).isEqualTo(hidden);
        assertThat(info.invitationOnly()).isFalse();
        assertThat(info.scheduleData().pacing()).isEqualTo("instructor");
        assertThat(info.scheduleData().end()).isNull();
        assertThat(info.scheduleData().enrollmentStart()).isNull();
        assertThat(info.scheduleData().enrollmentEnd()).isNull();
    }

    @Test
    void an_edit_reaches_the_catalog_only_with_the_next_publish_stamped_with_its_edit_time() {
        String key = newCourseKey();
        cms.create(minimalCourse(key));
        Message first = published(cms.publish(key).get("event_id").asString());

        JsonNode edited = cms.edit(key, Map.of("name", "Renamed", "start", "2026-10-01T08:00:00Z", "pacing", "self"));

        assertThat(cms.pendingEventsOf(key)).isZero();
        assertThat(cms.catalogEventsOf(key)).extracting(m -> m.header("ce_id")).containsExactly(first.header("ce_id"));

        Message second = published(cms.publish(key).get("event_id").asString());
        assertThat(second.header("ce_time")).isEqualTo(EventTimes.format(instant(edited.get("edited_at"))));
        assertThat(EventTimes.parse(second.header("ce_time"))).isAfter(EventTimes.parse(first.header("ce_time")));
        CourseCatalogData info = catalogInfo(second);
        assertThat(info.name()).isEqualTo("Renamed");
        assertThat(info.scheduleData().start()).isEqualTo("2026-10-01T08:00:00Z");
        assertThat(info.scheduleData().pacing()).isEqualTo("self");
        assertThat(cms.read(key).get("publish_count").asInt()).isEqualTo(2);
    }

    @Test
    void publishing_again_without_an_edit_announces_the_same_state_with_the_same_event_time() {
        String key = newCourseKey();
        cms.create(minimalCourse(key));

        Message first = published(cms.publish(key).get("event_id").asString());
        Message second = published(cms.publish(key).get("event_id").asString());

        assertThat(second.header("ce_id")).isNotEqualTo(first.header("ce_id"));
        assertThat(second.header("ce_time")).isEqualTo(first.header("ce_time"));
        assertThat(catalogInfo(second)).isEqualTo(catalogInfo(first));
    }

    /**
     * Consumers let the newest event of a course win by its event time, so the topic must hold a course's events in
     * edit-time order even when authors edit and publish it at the same moment.
     */
    @Test
    void concurrent_edits_and_publishes_of_one_course_reach_the_topic_in_edit_time_order() throws Exception {
        String key = newCourseKey();
        cms.create(minimalCourse(key));
        List<Callable<Void>> authors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Edit " + i;
            authors.add(() -> {
                cms.edit(key, Map.of("name", name, "start", "2026-09-01T08:00:00Z"));
                cms.publish(key);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> author : pool.invokeAll(authors)) {
                author.get();
            }
        } finally {
            pool.shutdown();
        }
        String last = cms.publish(key).get("event_id").asString();
        published(last);

        List<Message> events = cms.catalogEventsOf(key);
        assertThat(events).hasSize(9);
        assertThat(events).extracting(m -> EventTimes.parse(m.header("ce_time"))).isSorted();
        assertThat(events.get(events.size() - 1).header("ce_id")).isEqualTo(last);
        JsonNode course = cms.read(key);
        assertThat(catalogInfo(events.get(events.size() - 1)).name()).isEqualTo(course.get("name").asString());
        assertThat(course.get("publish_count").asInt()).isEqualTo(9);
    }

    private Message published(String eventId) {
        return await().atMost(EVENTUALLY).until(() -> cms.catalogEvent(eventId), Objects::nonNull);
    }

    private static CourseCatalogData catalogInfo(Message event) {
        return EventJson.read(event.value().getBytes(StandardCharsets.UTF_8), CatalogInfoChangedEvent.class)
                .catalogInfo();
    }
}
