package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamAttemptTopic.payload;
import static org.openedx.suite.exams.ExamAttemptTopic.userData;
import static org.openedx.suite.exams.ExamsApi.newUserId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.exams.ExamAttemptTopic;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Learners' attempts through their whole life, and the Open edX events that announce each change. */
@ExamsServiceTest
class AttemptLifecycleTest {

    private static final String SUBMITTED = "org.openedx.learning.exam.attempt.submitted.v1";
    private static final String VERIFIED = "org.openedx.learning.exam.attempt.verified.v1";
    private static final String REJECTED = "org.openedx.learning.exam.attempt.rejected.v1";
    private static final String ERRORED = "org.openedx.learning.exam.attempt.errored.v1";
    private static final String RESET = "org.openedx.learning.exam.attempt.reset.v1";

    private final ExamsApi api;
    private final ExamAttemptTopic topic;

    AttemptLifecycleTest(ExamsApi api, ExamAttemptTopic topic) {
        this.api = api;
        this.topic = topic;
    }

    @Test
    void a_started_attempt_names_its_learner_and_exam_and_announces_nothing_yet() {
        JsonNode exam = api.newExam("proctored");
        long learner = newUserId();

        JsonNode attempt = api.startAttempt(exam.get("id").asLong(), learner, "ada");

        assertThat(attempt.get("id").asLong()).isPositive();
        assertThat(attempt.get("exam_id").asLong()).isEqualTo(exam.get("id").asLong());
        assertThat(attempt.get("status").asString()).isEqualTo("started");
        assertThat(attempt.get("user").get("id").asLong()).isEqualTo(learner);
        assertThat(attempt.get("user").get("username").asString()).isEqualTo("ada");
        assertThat(attempt.get("user").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(attempt.get("user").get("name").asString()).isEqualTo("Learner ada");
        assertThat(attempt.get("course_key").asString()).isEqualTo(exam.get("course_key").asString());
        assertThat(attempt.get("usage_key").asString()).isEqualTo(exam.get("usage_key").asString());
        assertThat(attempt.get("exam_type").asString()).isEqualTo("proctored");
        assertThat(api.attempt(attempt.get("id").asLong())).isEqualTo(attempt);

        // the first event on the subsection is the submission: starting emitted nothing before it
        api.perform(attempt.get("id").asLong(), "submit");
        assertThat(topic.typesOnceOut(exam.get("usage_key").asString(), SUBMITTED)).containsExactly(SUBMITTED);
    }

    @Test
    void a_proctored_attempt_is_submitted_then_verified_and_each_change_is_announced_on_the_course_key() {
        JsonNode exam = api.newExam("proctored");
        String courseKey = exam.get("course_key").asString();
        String usageKey = exam.get("usage_key").asString();
        long learner = newUserId();
        long attempt = api.startAttempt(exam.get("id").asLong(), learner, "ada").get("id").asLong();

        JsonNode submitted = api.perform(attempt, "submit");
        JsonNode verified = api.perform(attempt, "verify");

        assertThat(submitted.get("id").asLong()).isEqualTo(attempt);
        assertThat(submitted.get("status").asString()).isEqualTo("submitted");
        assertThat(verified.get("status").asString()).isEqualTo("verified");
        assertThat(api.attempt(attempt).get("status").asString()).isEqualTo("verified");

        List<Message> events = topic.awaitEventsOf(usageKey, 2);
        assertThat(events).extracting(m -> m.header("ce_type")).containsExactly(SUBMITTED, VERIFIED);

        assertEnvelope(events.get(0), SUBMITTED, courseKey, changedAt(submitted));
        assertThat(payload(events.get(0))).isEqualTo(examAttempt(learner, "ada", courseKey, usageKey, "proctored",
                userData(learner, "ada")));

        assertEnvelope(events.get(1), VERIFIED, courseKey, changedAt(verified));
        assertThat(payload(events.get(1))).isEqualTo(examAttempt(learner, "ada", courseKey, usageKey, "proctored",
                null));
        assertThat(requestingUserOnTheWire(events.get(1)).isNull()).isTrue();
    }

    @Test
    void an_onboarding_attempt_can_be_rejected_after_submission() {
        JsonNode exam = api.newExam("onboarding");
        String courseKey = exam.get("course_key").asString();
        String usageKey = exam.get("usage_key").asString();
        long learner = newUserId();
        long attempt = api.startAttempt(exam.get("id").asLong(), learner, "grace").get("id").asLong();

        api.perform(attempt, "submit");
        JsonNode rejected = api.perform(attempt, "reject");

        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        List<Message> events = topic.awaitEventsOf(usageKey, 2);
        assertThat(events).extracting(m -> m.header("ce_type")).containsExactly(SUBMITTED, REJECTED);
        assertEnvelope(events.get(1), REJECTED, courseKey, changedAt(rejected));
        assertThat(payload(events.get(1))).isEqualTo(examAttempt(learner, "grace", courseKey, usageKey, "onboarding",
                null));
        assertThat(requestingUserOnTheWire(events.get(1)).isNull()).isTrue();
    }

    @Test
    void a_timed_attempt_that_fails_after_submission_is_announced_as_errored() {
        JsonNode exam = api.newExam("timed");
        String courseKey = exam.get("course_key").asString();
        String usageKey = exam.get("usage_key").asString();
        long learner = newUserId();
        long attempt = api.startAttempt(exam.get("id").asLong(), learner, "alan").get("id").asLong();

        JsonNode submitted = api.perform(attempt, "submit");
        JsonNode errored = api.perform(attempt, "error");

        assertThat(errored.get("status").asString()).isEqualTo("error");
        List<Message> events = topic.awaitEventsOf(usageKey, 2);
        assertThat(events).extracting(m -> m.header("ce_type")).containsExactly(SUBMITTED, ERRORED);
        assertEnvelope(events.get(0), SUBMITTED, courseKey, changedAt(submitted));
        assertThat(payload(events.get(0))).isEqualTo(examAttempt(learner, "alan", courseKey, usageKey, "timed",
                userData(learner, "alan")));
        assertEnvelope(events.get(1), ERRORED, courseKey, changedAt(errored));
        assertThat(payload(events.get(1))).isEqualTo(examAttempt(learner, "alan", courseKey, usageKey, "timed",
                null));
    }

    @Test
    void a_practice_attempt_can_fail_before_it_is_submitted() {
        JsonNode exam = api.newExam("practice");
        String courseKey = exam.get("course_key").asString();
        String usageKey = exam.get("usage_key").asString();
        long learner = newUserId();
        long attempt = api.startAttempt(exam.get("id").asLong(), learner, "edsger").get("id").asLong();

        JsonNode errored = api.perform(attempt, "error");

        assertThat(errored.get("status").asString()).isEqualTo("error");
        List<Message> events = topic.awaitEventsOf(usageKey, 1);
        assertThat(events).extracting(m -> m.header("ce_type")).containsExactly(ERRORED);
        assertEnvelope(events.get(0), ERRORED, courseKey, changedAt(errored));
        assertThat(payload(events.get(0))).isEqualTo(examAttempt(learner, "edsger", courseKey, usageKey, "practice",
                null));
    }

    @Test
    void an_instructor_resets_an_attempt_which_is_removed_and_announced_with_the_instructor_as_requester() {
        JsonNode exam = api.newExam("proctored");
        String courseKey = exam.get("course_key").asString();
        String usageKey = exam.get("usage_key").asString();
        long learner = newUserId();
        long instructor = newUserId();
        long attempt = api.startAttempt(exam.get("id").asLong(), learner, "barbara").get("id").asLong();
        api.perform(attempt, "submit");
        JsonNode rejected = api.perform(attempt, "reject");

        api.reset(attempt, instructor, "staff").expectStatus().isNoContent();

        ExamsApi.problem(api.getAttempt(attempt), HttpStatus.NOT_FOUND);
        List<Message> events = topic.awaitEventsOf(usageKey, 3);
        assertThat(events).extracting(m -> m.header("ce_type")).containsExactly(SUBMITTED, REJECTED, RESET);
        Message reset = events.get(2);
        assertThat(reset.key()).isEqualTo(courseKey);
        assertThat(reset.header("ce_source")).isEqualTo("openedx/exams/web");
        assertThat(EventTimes.parse(reset.header("ce_time"))).isAfterOrEqualTo(changedAt(rejected));
        assertThat(payload(reset)).isEqualTo(examAttempt(learner, "barbara", courseKey, usageKey, "proctored",
                userData(instructor, "staff")));
    }

    @Test
    void after_a_reset_the_learner_can_start_the_exam_again() {
        JsonNode exam = api.newExam("timed");
        long learner = newUserId();
        long first = api.startAttempt(exam.get("id").asLong(), learner, "ada").get("id").asLong();
        api.perform(first, "submit");
        api.reset(first, newUserId(), "staff").expectStatus().isNoContent();

        JsonNode second = api.startAttempt(exam.get("id").asLong(), learner, "ada");

        assertThat(second.get("id").asLong()).isNotEqualTo(first);
        assertThat(second.get("status").asString()).isEqualTo("started");
    }

    @Test
    void a_started_attempt_can_be_reset_too() {
        JsonNode exam = api.newExam("practice");
        String usageKey = exam.get("usage_key").asString();
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();

        api.reset(attempt, newUserId(), "staff").expectStatus().isNoContent();

        assertThat(topic.typesOnceOut(usageKey, RESET)).containsExactly(RESET);
    }

    @Test
    void two_simultaneous_submissions_of_one_attempt_take_turns_and_only_one_is_announced() throws Exception {
        JsonNode exam = api.newExam("proctored");
        String usageKey = exam.get("usage_key").asString();
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();

        List<HttpStatus> outcomes;
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.supplyAsync(() -> statusOf(api.act(attempt, "submit")), browsers);
            var second = CompletableFuture.supplyAsync(() -> statusOf(api.act(attempt, "submit")), browsers);
            outcomes = List.of(first.get(), second.get());
        } finally {
            browsers.shutdown();
        }

        assertThat(outcomes).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        api.perform(attempt, "verify");
        assertThat(topic.typesOnceOut(usageKey, VERIFIED)).containsExactly(SUBMITTED, VERIFIED);
    }

    private static HttpStatus statusOf(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec spec) {
        return HttpStatus.valueOf(spec.returnResult(String.class).getStatus().value());
    }

    private static void assertEnvelope(Message event, String type, String courseKey, Instant changedAt) {
        assertThat(event.key()).isEqualTo(courseKey);
        assertThat(event.headers())
                .containsEntry("ce_type", type)
                .containsEntry("ce_source", "openedx/exams/web")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_minorversion", "0")
                .containsEntry("ce_time", EventTimes.format(changedAt))
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_datacontenttype", "application/json")
                .containsKeys("sourcehost", "sourcelib");
        assertThat(UUID.fromString(event.header("ce_id"))).isNotNull();
    }

    /** When the attempt's status changed, as the API reports it: the event time of the announcing event. */
    private static Instant changedAt(JsonNode attempt) {
        return OffsetDateTime.parse(attempt.get("modified").asString()).toInstant();
    }

    private static ExamAttemptEvent examAttempt(long learner, String username, String courseKey, String usageKey,
                                                String examType, UserData requestingUser) {
        return new ExamAttemptEvent(new ExamAttemptData(userData(learner, username), courseKey, usageKey, examType,
                requestingUser));
    }

    /** Avro's {@code ["null", UserData]} union: the field is present and null, not left out. */
    private static JsonNode requestingUserOnTheWire(Message event) {
        JsonNode attempt = EventJson.mapper().readTree(event.value()).get("exam_attempt");
        assertThat(attempt.has("requesting_user")).isTrue();
        return attempt.get("requesting_user");
    }
}
