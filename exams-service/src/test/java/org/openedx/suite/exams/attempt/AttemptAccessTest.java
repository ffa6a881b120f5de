package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamsApi.created;
import static org.openedx.suite.exams.ExamsApi.newCourseKey;
import static org.openedx.suite.exams.ExamsApi.newUserId;
import static org.openedx.suite.exams.ExamsApi.ok;
import static org.openedx.suite.exams.ExamsApi.problem;
import static org.openedx.suite.exams.ExamsApi.usageKeyIn;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.exams.ExamAttemptTopic;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Identity comes from the token, not the body (ADR 7, {@code ExamsAccess}): a learner starts, submits and reads only
 * their own attempts, and the attempt names them as their token does; a course run's staff create its exams, review
 * and reset its attempts (the reset event names them), and act for learners there, in no other run. Each refusal is
 * a 403 problem+json that writes nothing and announces nothing.
 */
@ExamsServiceTest
class AttemptAccessTest {

    private final ExamsApi operator;
    private final ExamAttemptTopic topic;
    private final JdbcTemplate jdbc;

    AttemptAccessTest(ExamsApi api, ExamAttemptTopic topic, JdbcTemplate jdbc) {
        this.operator = api;
        this.topic = topic;
        this.jdbc = jdbc;
    }

    @Test
    void a_learner_starts_an_attempt_as_the_token_names_them_and_for_no_one_else() {
        JsonNode exam = operator.newExam("proctored");
        long examId = exam.get("id").asLong();
        long adaId = newUserId();
        ExamsApi ada = operator.as(TestIssuer.learnerToken(adaId, "ada"));

        JsonNode attempt = created(ada.postAttempt(examId, "{}"));

        assertThat(attempt.get("user").get("id").asLong()).isEqualTo(adaId);
        assertThat(attempt.get("user").get("username").asString()).isEqualTo("ada");
        assertThat(attempt.get("user").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(attempt.get("user").get("name").asString()).isEqualTo("User ada");

        long bobId = newUserId();
        problem(ada.postAttempt(examId, "{\"user\": " + ExamsApi.learner(bobId, "bob") + "}"), HttpStatus.FORBIDDEN);
        assertThat(attemptsOf(bobId)).isZero();
    }

    @Test
    void a_learner_submits_and_reads_their_own_attempt_but_neither_reviews_nor_resets_it() {
        JsonNode exam = operator.newExam("proctored");
        long adaId = newUserId();
        String adaName = "ada_" + adaId;
        ExamsApi ada = operator.as(TestIssuer.learnerToken(adaId, adaName));
        ExamsApi bob = operator.as(TestIssuer.learnerToken(newUserId(), "bob"));
        long attempt = created(ada.postAttempt(exam.get("id").asLong(), "{}")).get("id").asLong();

        problem(bob.act(attempt, "submit"), HttpStatus.FORBIDDEN);
        problem(bob.getAttempt(attempt), HttpStatus.FORBIDDEN);
        assertThat(ok(ada.act(attempt, "submit")).get("status").asString()).isEqualTo("submitted");
        assertThat(ok(ada.getAttempt(attempt)).get("id").asLong()).isEqualTo(attempt);
        assertThat(ada.attempts(adaName, null)).hasSize(1);
        problem(ada.get("/api/attempts?username=bob"), HttpStatus.FORBIDDEN);

        problem(ada.act(attempt, "verify"), HttpStatus.FORBIDDEN);
        problem(ada.deleteAttempt(attempt, null), HttpStatus.FORBIDDEN);
        assertThat(operator.attempt(attempt).get("status").asString()).isEqualTo("submitted");
        topic.awaitOutboxDrained(exam.get("usage_key").asString());
        assertThat(topic.eventsOf(exam.get("usage_key").asString())).hasSize(1);
    }

    @Test
    void course_staff_review_and_reset_in_their_run_and_the_reset_names_them() {
        String theirs = newCourseKey();
        String other = newCourseKey();
        long carolId = newUserId();
        ExamsApi carol = operator.as(TestIssuer.staffToken(carolId, "carol", theirs));

        JsonNode exam = created(carol.postExam(examIn(theirs)));
        problem(carol.postExam(examIn(other)), HttpStatus.FORBIDDEN);
        assertThat(operator.examsOf(other)).isEmpty();

        // staff start an attempt on a learner's behalf, naming them
        long adaId = newUserId();
        long attempt = created(carol.postAttempt(exam.get("id").asLong(),
                "{\"user\": " + ExamsApi.learner(adaId, "ada") + "}")).get("id").asLong();
        ok(carol.act(attempt, "submit"));
        ok(carol.act(attempt, "verify"));
        assertThat(ok(carol.getAttempt(attempt)).get("status").asString()).isEqualTo("verified");

        carol.deleteAttempt(attempt, null).expectStatus().isNoContent();
        String usageKey = exam.get("usage_key").asString();
        ExamAttemptData reset = ExamAttemptTopic.payload(topic.awaitEventsOf(usageKey, 3).get(2)).examAttempt();
        assertThat(reset.requestingUser().id()).isEqualTo(carolId);
        assertThat(reset.requestingUser().pii().username()).isEqualTo("carol");
        assertThat(reset.studentUser().id()).isEqualTo(adaId);

        JsonNode elsewhere = operator.createExam(other, usageKeyIn(other, "exam"), "proctored");
        long theirAttempt = operator.startAttempt(elsewhere.get("id").asLong(), newUserId(), "dan")
                .get("id").asLong();
        ok(operator.act(theirAttempt, "submit"));
        problem(carol.act(theirAttempt, "verify"), HttpStatus.FORBIDDEN);
        problem(carol.deleteAttempt(theirAttempt, null), HttpStatus.FORBIDDEN);
        problem(carol.getAttempt(theirAttempt), HttpStatus.FORBIDDEN);
        assertThat(operator.attempt(theirAttempt).get("status").asString()).isEqualTo("submitted");
    }

    @Test
    void a_client_names_the_learner_and_the_instructor_it_acts_for() {
        JsonNode exam = operator.newExam("proctored");

        JsonNode problem = problem(operator.postAttempt(exam.get("id").asLong(), "{}"), HttpStatus.BAD_REQUEST);

        assertThat(problem.toString()).contains("user");
        long attempt = operator.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();
        assertThat(problem(operator.deleteAttempt(attempt, null), HttpStatus.BAD_REQUEST).toString())
                .contains("requesting_user");
        operator.reset(attempt, newUserId(), "ina").expectStatus().isNoContent();
    }

    private static String examIn(String courseKey) {
        return """
                {"course_key": "%s", "usage_key": "%s", "exam_type": "proctored", "name": "Final", "time_limit_mins": 60}
                """.formatted(courseKey, usageKeyIn(courseKey, "exam"));
    }

    private long attemptsOf(long userId) {
        return jdbc.queryForObject("SELECT count(*) FROM exam_attempt WHERE user_id = ?", Long.class, userId);
    }
}
