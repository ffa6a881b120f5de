package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamsApi.learner;
import static org.openedx.suite.exams.ExamsApi.newUserId;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openedx.suite.exams.ExamAttemptTopic;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Malformed requests are refused with 400 naming the field; they change nothing and announce nothing. */
@ExamsServiceTest
class AttemptValidationTest {

    private static final String SUBMITTED = "org.openedx.learning.exam.attempt.submitted.v1";

    private final ExamsApi api;
    private final ExamAttemptTopic topic;
    private final JdbcTemplate jdbc;

    AttemptValidationTest(ExamsApi api, ExamAttemptTopic topic, JdbcTemplate jdbc) {
        this.api = api;
        this.topic = topic;
        this.jdbc = jdbc;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLearners")
    void an_attempt_for_an_invalid_learner_is_refused_and_not_started(String why, String json, String field) {
        long exam = api.newExam("proctored").get("id").asLong();

        assertNamesTheField(api.postAttempt(exam, json), field);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM exam_attempt WHERE exam_id = ?", Integer.class, exam))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidActions")
    void an_invalid_action_is_refused_and_the_attempt_stays_as_it_was(String why, String json, String field) {
        JsonNode exam = api.newExam("proctored");
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();
        JsonNode before = api.attempt(attempt);

        assertNamesTheField(api.putAttempt(attempt, json), field);

        assertThat(api.attempt(attempt)).isEqualTo(before);
        assertNothingAnnouncedBefore(attempt, exam.get("usage_key").asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResets")
    void a_reset_without_a_valid_requesting_user_is_refused_and_the_attempt_stays(String why, String json,
                                                                                   String field) {
        JsonNode exam = api.newExam("timed");
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();
        JsonNode before = api.attempt(attempt);

        assertNamesTheField(api.deleteAttempt(attempt, json), field);

        assertThat(api.attempt(attempt)).isEqualTo(before);
        assertNothingAnnouncedBefore(attempt, exam.get("usage_key").asString());
    }

    @Test
    void validation_comes_before_looking_the_exam_up() {
        assertNamesTheField(api.postAttempt(Long.MAX_VALUE, "{\"user\": " + learner(0, "ada") + "}"), "user.id");
    }

    @Test
    void searching_by_a_malformed_course_key_is_refused() {
        assertNamesTheField(api.get("/api/attempts?course_key=course-v1:edX"), "course_key");
    }

    @Test
    void an_attempt_id_that_is_not_a_number_is_refused() {
        assertNamesTheField(api.get("/api/attempts/latest"), "attempt_id");
    }

    static Stream<Arguments> invalidLearners() {
        return Stream.of(
                invalid("no user", "{}", "user"),
                invalid("a null user", "{\"user\": null}", "user"),
                invalid("a user that is not an object", "{\"user\": \"ada\"}", "user"),
                invalid("a user without id", """
                        {"user": {"username": "ada", "email": "ada@example.com", "name": "Ada"}}""", "user.id"),
                invalid("a user id of zero", "{\"user\": " + learner(0, "ada") + "}", "user.id"),
                invalid("a negative user id", "{\"user\": " + learner(-7, "ada") + "}", "user.id"),
                invalid("a user id given as text", """
                        {"user": {"id": "7", "username": "ada", "email": "ada@example.com", "name": "Ada"}}""",
                        "user.id"),
                invalid("a fractional user id", """
                        {"user": {"id": 7.5, "username": "ada", "email": "ada@example.com", "name": "Ada"}}""",
                        "user.id"),
                invalid("a user without username", """
                        {"user": {"id": 7, "email": "ada@example.com", "name": "Ada"}}""", "user.username"),
                invalid("a blank username", """
                        {"user": {"id": 7, "username": " ", "email": "ada@example.com", "name": "Ada"}}""",
                        "user.username"),
                invalid("a malformed email", """
                        {"user": {"id": 7, "username": "ada", "email": "ada at example", "name": "Ada"}}""",
                        "user.email"),
                invalid("a user without name", """
                        {"user": {"id": 7, "username": "ada", "email": "ada@example.com"}}""", "user.name"),
                invalid("broken JSON", "{\"user\" {\"id\": 7}}", "body"),
                invalid("no body", null, "body"));
    }

    static Stream<Arguments> invalidActions() {
        return Stream.of(
                invalid("no action", "{}", "action"),
                invalid("a null action", "{\"action\": null}", "action"),
                invalid("an unknown action", "{\"action\": \"pause\"}", "action"),
                invalid("an action in capitals", "{\"action\": \"SUBMIT\"}", "action"),
                invalid("an action given as a number", "{\"action\": 0}", "action"),
                invalid("an action given as a list", "{\"action\": [\"submit\"]}", "action"),
                invalid("broken JSON", "{\"action\": \"submit\"", "body"),
                invalid("no body", null, "body"));
    }

    static Stream<Arguments> invalidResets() {
        return Stream.of(
                invalid("no requesting user", "{}", "requesting_user"),
                invalid("a requesting user without id", """
                        {"requesting_user": {"username": "staff", "email": "staff@example.com", "name": "Staff"}}""",
                        "requesting_user.id"),
                invalid("a requesting user id of zero", "{\"requesting_user\": " + learner(0, "staff") + "}",
                        "requesting_user.id"),
                invalid("a malformed requesting user email", """
                        {"requesting_user": {"id": 3, "username": "staff", "email": "staff", "name": "Staff"}}""",
                        "requesting_user.email"),
                invalid("broken JSON", "{\"requesting_user\": ", "body"),
                // the operator's token is a client's: without a body, no one names the instructor
                invalid("no body", null, "requesting_user"));
    }

    /** A submission is allowed from started: once it is out, anything emitted before it would be out too. */
    private void assertNothingAnnouncedBefore(long attempt, String usageKey) {
        assertThat(topic.pendingInOutbox(usageKey)).isZero();
        api.perform(attempt, "submit");
        assertThat(topic.typesOnceOut(usageKey, SUBMITTED)).containsExactly(SUBMITTED);
    }

    private static void assertNamesTheField(RestTestClient.ResponseSpec response, String field) {
        JsonNode problem = ExamsApi.problem(response, HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail").asString()).contains(field);
        // one field may break several rules (" " is blank and has a character no username may have): each is
        // reported, and all of them name that field
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).distinct())
                .containsExactly(field);
    }

    private static Arguments invalid(String why, String json, String field) {
        return Arguments.of(why, json, field);
    }
}
