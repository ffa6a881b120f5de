package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.shortId;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.usageKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Exams;
import org.openedx.suite.it.clients.Insights;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.clients.Sandbox;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-time event tracking (issue 15), every service its own process: what learners and staff do in the LMS and in
 * exams leaves tracking logs on {@code analytics} through each service's outbox, and insights turns each into one xAPI
 * statement, in order per learner, and keeps the course's figures. A redelivered log and the same log sent again under
 * a new event id change nothing. Insights forwards every statement to the LRS the sandbox stands in for.
 */
class TrackingReachesInsightsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** The key the runner leaves insights with (INSIGHTS_ANONYMOUS_ID_SECRET's default). */
    private static final String ANONYMOUS_ID_SECRET = "change-me-insights";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REGISTERED = "http://adlnet.gov/expapi/verbs/registered";
    private static final String UNREGISTERED = "http://id.tincanapi.com/verb/unregistered";
    private static final String EARNED = "http://id.tincanapi.com/verb/earned";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String REVIEWED = "http://id.tincanapi.com/verb/reviewed";

    private static Suite suite;
    private static Cms cms;
    private static Lms lms;
    private static Exams exams;
    private static Insights insights;

    private final String courseKey = "course-v1:edX+Track" + shortId() + "+2026";
    private final String homework = usageKey(courseKey, "homework");
    private final String proctored = usageKey(courseKey, "proctored_final");

    @BeforeAll
    static void suite() {
        suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.EXAMS, SuiteService.INSIGHTS);
        cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        exams = new Exams(suite.service(SuiteService.EXAMS).baseUrl());
        insights = new Insights(suite.service(SuiteService.INSIGHTS).baseUrl());
    }

    @Test
    void enrolling_grading_passing_a_certificate_and_an_exam_rejection_become_statements_once_each_in_order() {
        cms.createAndPublish(courseKey, "Tracked Physics");
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        lms.gradingPolicy(courseKey, 0.5, true);
        long examId = exams.createProctoredExam(courseKey, proctored, "Final exam");

        // ada passes, gets her certificate, then her exam is rejected: she fails and loses the certificate
        String ada = "ada_" + shortId();
        long adaId = lms.createUser(ada);
        lms.enroll(ada, courseKey, "verified");
        lms.grade(courseKey, ada, homework, 8, 10);
        lms.grade(courseKey, ada, proctored, 9, 10);
        long attempt = exams.startAttempt(examId, adaId, ada);
        exams.act(attempt, "submit");
        exams.act(attempt, "reject");
        // bob starts as an auditor, moves to verified, and fails; cy enrolls and leaves
        String bob = "bob_" + shortId();
        long bobId = lms.createUser(bob);
        lms.enroll(bob, courseKey, "audit");
        lms.enroll(bob, courseKey, "verified");
        lms.grade(courseKey, bob, homework, 3, 10);
        String cy = "cy_" + shortId();
        long cyId = lms.createUser(cy);
        lms.enroll(cy, courseKey, "honor");
        Clients.unenroll(lms, courseKey, cy);

        await().atMost(EVENTUALLY).until(() -> lms.certificateStatus(ada, courseKey),
                status -> status.equals(Optional.of("unavailable")));
        List<TrackingLog> sent = trackingLogsOf(courseKey);
        await().atMost(EVENTUALLY).until(() -> insights.figures(courseKey)
                .filter(figures -> figures.path("statements").asLong() == sent.size()).isPresent());

        List<JsonNode> adas = insights.statementsOf(agentOf(adaId), courseKey);
        assertThat(adas).as("ada's statements, one for each of her tracking logs")
                .hasSize((int) count(sent, log -> log.userId() == adaId));
        assertThat(verbs(adas)).startsWith(REGISTERED)
                .contains(EARNED, PASSED, FAILED, COMPLETED, REVIEWED);
        assertThat(verbs(adas).indexOf(PASSED)).as("passed before failed").isLessThan(verbs(adas).lastIndexOf(FAILED));
        assertThat(adas).extracting(statement -> statement.path("id").asString()).doesNotHaveDuplicates();
        assertThat(adas).allSatisfy(statement -> assertThat(statement.path("actor").toString())
                .doesNotContain(ada).doesNotContain("@example.org"));

        List<JsonNode> bobs = insights.statementsOf(agentOf(bobId), courseKey);
        assertThat(verbs(bobs)).startsWith(REGISTERED, REGISTERED).contains(EARNED).doesNotContain(PASSED);
        List<JsonNode> cys = insights.statementsOf(agentOf(cyId), courseKey);
        assertThat(verbs(cys)).containsExactly(REGISTERED, UNREGISTERED);

        List<String> adasIds = adas.stream().map(statement -> statement.path("id").asString()).toList();
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(new Sandbox(suite.sandboxUrl())
                .received("lrs-statement").stream().map(put -> put.at("/body/id").asString()).toList())
                .as("the statements the sandbox's LRS received").containsAll(adasIds));

        JsonNode figures = insights.figures(courseKey).orElseThrow();
        assertThat(figures.path("statements").asLong()).isEqualTo(sent.size());
        assertThat(figures.path("enrollments").path("by_mode").path("verified").asLong()).isEqualTo(2);
        assertThat(figures.path("enrollments").path("by_mode").path("honor").asLong()).isZero();
        assertThat(figures.path("passing").path("passed").asLong()).isZero();
        assertThat(figures.path("passing").path("failed").asLong()).isEqualTo(1);
        assertThat(figures.path("certificates").path("awarded").asLong()).isZero();
        assertThat(figures.path("certificates").path("revoked").asLong()).isEqualTo(1);
        assertThat(figures.path("exams").path("rejected").asLong()).isEqualTo(1);
    }

    @Test
    void a_redelivered_tracking_log_and_the_same_log_under_a_new_event_id_change_nothing() {
        cms.createAndPublish(courseKey, "Tracked Chemistry");
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        String dee = "dee_" + shortId();
        long deeId = lms.createUser(dee);
        lms.enroll(dee, courseKey, "verified");
        await().atMost(EVENTUALLY).until(() -> insights.statementsOf(agentOf(deeId), courseKey).size() == 1);
        KafkaTopics.Message enrolled = KafkaTopics.readAll(suite.kafka(), suite.topic(Topics.ANALYTICS)).stream()
                .filter(message -> courseKey.equals(TrackingLog.of(message).courseId()))
                .filter(message -> TrackingLog.of(message).userId() == deeId)
                .findFirst().orElseThrow();
        JsonNode before = insights.figures(courseKey).orElseThrow();

        Map<String, String> headers = new LinkedHashMap<>(enrolled.metadata().toHeaders());
        RecordMetadata redelivered = KafkaTopics.produce(suite.kafka(), enrolled.topic(), enrolled.key(),
                enrolled.value(), headers);
        headers.put(EventMetadata.ID, UUID.randomUUID().toString());
        RecordMetadata again = KafkaTopics.produce(suite.kafka(), enrolled.topic(), enrolled.key(), enrolled.value(),
                headers);
        awaitConsumed(redelivered);
        awaitConsumed(again);

        assertThat(insights.statementsOf(agentOf(deeId), courseKey)).hasSize(1);
        JsonNode after = insights.figures(courseKey).orElseThrow();
        assertThat(after.path("statements")).isEqualTo(before.path("statements"));
        assertThat(after.path("enrollments").path("by_mode")).isEqualTo(before.path("enrollments").path("by_mode"));
    }

    /** A tracking log as it travelled, with the fields the test checks. */
    record TrackingLog(String name, long userId, String courseId) {

        /**
         * The log a message carries; for one no producer would send (the poison other tests write to the topic, data
         * that is not JSON), a log of no learner and no course.
         */
        static TrackingLog of(KafkaTopics.Message message) {
            try {
                TrackingEvent.TrackingLogData log = message.payload(TrackingEvent.class).trackingLog();
                JsonNode data = JSON.readTree(log.data());
                return new TrackingLog(log.name(), data.path("user_id").asLong(-1),
                        data.path("course_id").asString(""));
            } catch (RuntimeException unreadable) {
                return new TrackingLog("", -1, "");
            }
        }
    }

    /** The tracking logs of a course's learners on the bus: those insights turns into statements of a learner. */
    private static List<TrackingLog> trackingLogsOf(String courseKey) {
        return KafkaTopics.readAll(suite.kafka(), suite.topic(Topics.ANALYTICS)).stream()
                .map(TrackingLog::of)
                .filter(log -> courseKey.equals(log.courseId()))
                .toList();
    }

    /** Waits until insights' consumer group has committed past the record. */
    private static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(EVENTUALLY).until(() -> KafkaTopics.committedOffset(suite.kafka(), "insights-service",
                partition) > record.offset());
    }

    /** The learner as insights names them: an account whose name is keyed from the LMS user id, never the username. */
    private static JsonNode agentOf(long userId) {
        // the runner gives insights the LMS's URL as the learners' home page (INSIGHTS_LMS_ROOT_URL)
        return JSON.readTree("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" + lms.baseUrl()
                + "\",\"name\":\"" + anonymousId(userId) + "\"}}");
    }

    static String anonymousId(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ANONYMOUS_ID_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("user:" + userId).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<TrackingLog> logs, Predicate<TrackingLog> which) {
        return logs.stream().filter(which).count();
    }

    private static List<String> verbs(List<JsonNode> statements) {
        return statements.stream().map(statement -> statement.path("verb").path("id").asString()).toList();
    }

    /** What the LMS client does not offer (yet) as a method of its own. */
    private static final class Clients {

        static void unenroll(Lms lms, String courseKey, String username) {
            var response = Http.delete(lms.baseUrl() + "/api/enrollments/" + courseKey + "/" + username);
            assertThat(response.status()).as("%s", response).isEqualTo(200);
        }
    }
}
