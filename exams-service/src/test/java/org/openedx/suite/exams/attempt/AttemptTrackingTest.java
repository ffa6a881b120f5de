package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.exams.ExamsApi.newUserId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.exams.ExamAttemptTopic;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.web.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The exams service's tracking logs on {@code analytics} (issue 15, {@link AttemptTracking}): each start, status
 * change and reset of an attempt emits one, in its transaction and at its time; a rolled-back change emits none.
 */
@ExamsServiceTest
class AttemptTrackingTest {

    private final ExamsApi api;
    private final ExamAttemptTopic attemptTopic;
    private final Tracker tracker;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Attempts attempts;
    private final KafkaTestClient kafka;
    private final String analytics;

    AttemptTrackingTest(ExamsApi api, ExamAttemptTopic attemptTopic, Tracker tracker, JdbcTemplate jdbc,
                        TransactionTemplate transactions, Attempts attempts, EventBusTopics topics,
                        @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.api = api;
        this.attemptTopic = attemptTopic;
        this.tracker = tracker;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.attempts = attempts;
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.analytics = topics.topicOf(OpenEdxEvents.TRACKING_EVENT_EMITTED);
    }

    /** A tracking log as it reached the topic. */
    record Tracked(String name, String key, Instant time, JsonNode data, JsonNode context) {
    }

    @Test
    void by_default_every_name_the_service_can_emit_goes_on_the_bus() {
        assertThat(tracker.allowed()).containsExactlyInAnyOrderElementsOf(AttemptTracking.NAMES).hasSize(20)
                .contains("edx.special_exam.proctored.attempt.verified", "edx.special_exam.timed.attempt.error",
                        "edx.special_exam.onboarding.attempt.rejected", "edx.special_exam.practice.attempt.deleted")
                .doesNotContain("edx.special_exam.timed.attempt.verified");
    }

    @ParameterizedTest(name = "{0}: start, submit, {1}, reset")
    @CsvSource({"proctored, verify, verified", "onboarding, reject, rejected", "timed, error, error",
            "practice, error, error"})
    void each_change_of_an_attempt_is_tracked_once_with_its_time(String examType, String action, String status) {
        JsonNode exam = api.newExam(examType);
        String usageKey = exam.get("usage_key").asString();
        String courseKey = exam.get("course_key").asString();
        long learner = newUserId();
        JsonNode started = api.startAttempt(exam.get("id").asLong(), learner, "ada");
        long attempt = started.get("id").asLong();
        JsonNode submitted = api.perform(attempt, "submit");
        JsonNode reviewed = api.perform(attempt, action);
        api.reset(attempt, newUserId(), "instructor").expectStatus().isNoContent();
        attemptTopic.typesOnceOut(usageKey, OpenEdxEvents.EXAM_ATTEMPT_RESET.name());
        var announced = attemptTopic.eventsOf(usageKey);
        Instant resetAt = EventTimes.parse(announced.get(announced.size() - 1).header("ce_time"));

        List<Tracked> logs = settled(usageKey);
        String prefix = "edx.special_exam." + examType + ".attempt.";
        assertThat(logs).extracting(Tracked::name).containsExactly(prefix + "started", prefix + "submitted",
                prefix + status, prefix + "deleted");
        assertLog(logs.get(0), learner, courseKey, usageKey, attempt, examType, "started",
                Instant.parse(started.get("created").asString()), "/api/exams/" + exam.get("id").asLong() + "/attempts");
        assertLog(logs.get(1), learner, courseKey, usageKey, attempt, examType, "submitted",
                Instant.parse(submitted.get("modified").asString()), "/api/attempts/" + attempt);
        assertLog(logs.get(2), learner, courseKey, usageKey, attempt, examType, status,
                Instant.parse(reviewed.get("modified").asString()), "/api/attempts/" + attempt);
        // a deleted attempt's status is its last
        assertLog(logs.get(3), learner, courseKey, usageKey, attempt, examType, status, resetAt,
                "/api/attempts/" + attempt);
        assertThat(logs.get(3).key()).isEqualTo(prefix + "deleted");
    }

    @Test
    void a_rolled_back_change_emits_nothing() {
        JsonNode exam = api.newExam("proctored");
        String usageKey = exam.get("usage_key").asString();
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();
        Caller operator = new Caller("suite-admin", null, null, "", Set.of("admin"), Set.of(), Set.of());

        transactions.executeWithoutResult(transaction -> {
            attempts.change(attempt, AttemptAction.SUBMIT, operator);
            transaction.setRollbackOnly();
        });
        api.act(attempt, "verify").expectStatus().isEqualTo(409);

        assertThat(settled(usageKey)).extracting(Tracked::name)
                .containsExactly("edx.special_exam.proctored.attempt.started");
        assertThat(api.attempt(attempt).get("status").asString()).isEqualTo("started");
    }

    private static void assertLog(Tracked log, long learner, String courseKey, String usageKey, long attempt,
                                  String examType, String status, Instant time, String path) {
        assertThat(log.time()).isEqualTo(time);
        assertThat(log.data().get("user_id").isIntegralNumber()).isTrue();
        assertThat(log.data().get("attempt_id").isIntegralNumber()).isTrue();
        assertThat(EventJson.mapper().convertValue(log.data(), Map.class)).isEqualTo(Map.of(
                "user_id", (int) learner, "course_id", courseKey, "block_id", usageKey, "attempt_id", (int) attempt,
                "attempt_status", status, "exam_type", examType));
        assertThat(EventJson.mapper().convertValue(log.context(), Map.class)).isEqualTo(Map.of(
                "course_id", courseKey, "org_id", "edX", "user_id", (int) learner, "event_source", "server",
                "path", path));
    }

    /** The subsection's tracking logs once none is left in the outbox (a row goes only once Kafka holds it). */
    List<Tracked> settled(String usageKey) {
        return settled(kafka, analytics, jdbc, usageKey);
    }

    static List<Tracked> settled(KafkaTestClient kafka, String analytics, JdbcTemplate jdbc, String usageKey) {
        await().atMost(ExamAttemptTopic.EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_bus.outbox WHERE event_type = ?", Long.class,
                OpenEdxEvents.TRACKING_EVENT_EMITTED.name()) == 0);
        return kafka.readAll(analytics).stream()
                .map(message -> {
                    var log = EventJson.read(message.value().getBytes(StandardCharsets.UTF_8), TrackingEvent.class)
                            .trackingLog();
                    return new Tracked(log.name(), message.key(), EventTimes.parse(log.timestamp()),
                            EventJson.mapper().readTree(log.data()), EventJson.mapper().readTree(log.context()));
                })
                .filter(log -> usageKey.equals(log.data().path("block_id").asString()))
                .sorted(java.util.Comparator.comparing(Tracked::time))
                .toList();
    }
}
