package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = RealInfrastructure.class)
class DeadLetterReplayTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Autowired DeadLetterEndpoint deadLetters;
    @Autowired EventBusObservability observability;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventBusTopics topics;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    @Test
    void a_dead_letter_is_listed_and_once_its_cause_is_fixed_a_replay_applies_it_exactly_once() {
        String courseKey = "course-v1:edX+Blocked" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        jdbc.update("INSERT INTO blocked_course VALUES (?)", courseKey);
        long pendingBefore = pendingDeadLetters();
        UUID eventId = UUID.randomUUID();
        send(courseKey, "Replayed", eventId);

        Map<String, Object> letter = await().atMost(EVENTUALLY).until(() -> pendingFor(eventId), l -> l != null);
        assertThat(letter).containsEntry("event_type", OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name())
                .containsEntry("key", courseKey);
        assertThat((String) letter.get("error")).contains(courseKey + " is blocked");
        assertThat(pendingDeadLetters()).isEqualTo(pendingBefore + 1);

        Map<String, Object> stillFailing = deadLetters.replayOne((Long) letter.get("id")).getBody();
        assertThat(stillFailing).containsEntry("outcome", "failed");

        jdbc.update("DELETE FROM blocked_course WHERE course_key = ?", courseKey);
        Map<String, Object> replayed = deadLetters.replayOne((Long) letter.get("id")).getBody();
        Map<String, Object> again = deadLetters.replayOne((Long) letter.get("id")).getBody();

        assertThat(replayed).containsEntry("outcome", "replayed");
        assertThat(again).containsEntry("outcome", "already replayed");
        assertThat(applied(courseKey)).isEqualTo(1);
        assertThat(pendingFor(eventId)).isNull();
        assertThat(pendingDeadLetters()).isEqualTo(pendingBefore);
    }

    @Test
    void replaying_everything_applies_each_fixed_dead_letter_once_even_if_it_arrives_again() {
        String courseKey = "course-v1:edX+All" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        UUID eventId = UUID.randomUUID();
        deadLetteredThenUnblocked(courseKey, eventId);

        Map<String, Object> summary = deadLetters.replayAll();
        send(courseKey, "Replayed", eventId); // the producer's retry of the very same event, late

        String marker = courseKey + "-marker";
        send(marker, "Marker", UUID.randomUUID());
        await().atMost(EVENTUALLY).until(() -> applied(marker) == 1);
        assertThat(summary.get("replayed")).isEqualTo(1L);
        assertThat(applied(courseKey)).isEqualTo(1);
    }

    @Test
    void replaying_a_dead_letter_whose_event_was_applied_meanwhile_changes_nothing_and_says_so() {
        String courseKey = "course-v1:edX+Meanwhile" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        UUID eventId = UUID.randomUUID();
        Map<String, Object> letter = deadLetteredThenUnblocked(courseKey, eventId);
        send(courseKey, "Replayed", eventId); // the producer's retry of the very same event, applied this time
        await().atMost(EVENTUALLY).until(() -> applied(courseKey) == 1);

        Map<String, Object> replayed = deadLetters.replayOne((Long) letter.get("id")).getBody();

        assertThat(replayed).containsEntry("outcome", "already applied");
        assertThat(applied(courseKey)).isEqualTo(1);
        assertThat(pendingFor(eventId)).as("the dead letter, settled").isNull();
    }

    @Test
    void replaying_a_dead_letter_older_than_what_was_applied_since_changes_nothing_and_says_so() {
        String courseKey = "course-v1:edX+Older" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        UUID eventId = UUID.randomUUID();
        Instant deadLettered = Instant.now();
        jdbc.update("INSERT INTO blocked_course VALUES (?)", courseKey);
        send(courseKey, "Older", eventId, deadLettered);
        Map<String, Object> letter = await().atMost(EVENTUALLY).until(() -> pendingFor(eventId), l -> l != null);
        jdbc.update("DELETE FROM blocked_course WHERE course_key = ?", courseKey);
        send(courseKey, "Newer", UUID.randomUUID(), deadLettered.plusSeconds(1));
        await().atMost(EVENTUALLY).until(() -> applied(courseKey) == 1);

        Map<String, Object> replayed = deadLetters.replayOne((Long) letter.get("id")).getBody();

        assertThat(replayed).containsEntry("outcome", "ignored: older than the applied state");
        assertThat(applied(courseKey)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM course_run WHERE course_key = ?", String.class, courseKey))
                .isEqualTo("Newer");
        assertThat(pendingFor(eventId)).as("the dead letter, settled").isNull();
    }

    @Test
    void an_unknown_dead_letter_is_a_problem_json_404() {
        assertThat(deadLetters.show(987654321L).getStatus()).isEqualTo(404);
        var replay = deadLetters.replayOne(987654321L);
        assertThat(replay.getStatus()).isEqualTo(404);
        assertThat(replay.getContentType()).hasToString("application/problem+json");
    }

    @Test
    void health_shows_the_outbox_backlog_and_the_dead_letters() {
        assertThat(health()).containsKeys("outbox_pending", "outbox_oldest_age_seconds", "outbox_published",
                "relay_failing_since", "dead_letters_pending", "events_applied", "events_duplicates_dropped");
        assertThat(observability.health().getStatus().getCode()).isEqualTo("UP");
    }

    /** The course's event, sent while the course is blocked, once it is a dead letter; then the block is lifted. */
    private Map<String, Object> deadLetteredThenUnblocked(String courseKey, UUID eventId) {
        jdbc.update("INSERT INTO blocked_course VALUES (?)", courseKey);
        send(courseKey, "Replayed", eventId);
        Map<String, Object> letter = await().atMost(EVENTUALLY).until(() -> pendingFor(eventId), l -> l != null);
        jdbc.update("DELETE FROM blocked_course WHERE course_key = ?", courseKey);
        return letter;
    }

    private long pendingDeadLetters() {
        return (Long) health().get("dead_letters_pending");
    }

    private Map<String, Object> health() {
        return observability.health().getDetails();
    }

    private Map<String, Object> pendingFor(UUID eventId) {
        List<Map<String, Object>> pending = deadLetters.list(false);
        return pending.stream().filter(l -> eventId.toString().equals(l.get("event_id"))).findFirst().orElse(null);
    }

    private int applied(String courseKey) {
        return jdbc.query("SELECT applied FROM course_run WHERE course_key = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, courseKey);
    }

    private void send(String courseKey, String name, UUID eventId) {
        send(courseKey, name, eventId, Instant.now());
    }

    private void send(String courseKey, String name, UUID eventId, Instant eventTime) {
        var event = new CatalogInfoChangedEvent(new CourseCatalogData(courseKey, name,
                new CourseScheduleData(Instant.parse("2027-01-01T00:00:00Z"), CourseScheduleData.SELF_PACED, null,
                        null, null), false, false));
        new KafkaTestClient(bootstrapServers).send(topics.topicOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED),
                courseKey, EventJson.write(event), EventMetadata.of(eventId,
                        OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", eventTime, "test").toHeaders());
    }
}
