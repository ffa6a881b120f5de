package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamsApi.newCourseKey;
import static org.openedx.suite.exams.ExamsApi.newUserId;
import static org.openedx.suite.exams.ExamsApi.usageKeyIn;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Starting attempts, one per learner and exam, and finding them again by learner and course. */
@ExamsServiceTest
class AttemptQueriesTest {

    private final ExamsApi api;

    AttemptQueriesTest(ExamsApi api) {
        this.api = api;
    }

    @Test
    void a_learner_has_at_most_one_attempt_per_exam() {
        long exam = api.newExam("proctored").get("id").asLong();
        long learner = newUserId();
        JsonNode first = api.startAttempt(exam, learner, "ada");

        JsonNode problem = ExamsApi.problem(api.postAttempt(exam, "{\"user\": " + ExamsApi.learner(learner, "ada")
                + "}"), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains(String.valueOf(learner));
        assertThat(api.attempt(first.get("id").asLong())).isEqualTo(first);
    }

    @Test
    void other_learners_attempt_the_same_exam_on_their_own() {
        long exam = api.newExam("timed").get("id").asLong();
        long ada = api.startAttempt(exam, newUserId(), "ada").get("id").asLong();

        long grace = api.startAttempt(exam, newUserId(), "grace").get("id").asLong();
        api.perform(grace, "submit");

        assertThat(api.attempt(ada).get("status").asString()).isEqualTo("started");
        assertThat(api.attempt(grace).get("status").asString()).isEqualTo("submitted");
    }

    @Test
    void an_attempt_at_an_unknown_exam_is_not_found() {
        JsonNode problem = ExamsApi.problem(api.postAttempt(Long.MAX_VALUE, "{\"user\": "
                + ExamsApi.learner(newUserId(), "ada") + "}"), HttpStatus.NOT_FOUND);

        assertThat(problem.get("detail").asString()).contains(String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void an_unknown_attempt_is_not_found() {
        ExamsApi.problem(api.getAttempt(Long.MAX_VALUE), HttpStatus.NOT_FOUND);
    }

    @Test
    void attempts_are_found_by_learner_by_course_or_by_both() {
        String ada = "ada_" + UUID.randomUUID().toString().substring(0, 8);
        String grace = "grace_" + UUID.randomUUID().toString().substring(0, 8);
        String physics = newCourseKey();
        String history = newCourseKey();
        long physicsMidterm = api.createExam(physics, usageKeyIn(physics, "midterm"), "timed").get("id").asLong();
        long physicsFinal = api.createExam(physics, usageKeyIn(physics, "final"), "proctored").get("id").asLong();
        long historyFinal = api.createExam(history, usageKeyIn(history, "final"), "practice").get("id").asLong();
        long adaId = newUserId();
        long graceId = newUserId();
        JsonNode adaPhysicsMidterm = api.startAttempt(physicsMidterm, adaId, ada);
        JsonNode adaPhysicsFinal = api.startAttempt(physicsFinal, adaId, ada);
        JsonNode adaHistory = api.startAttempt(historyFinal, adaId, ada);
        JsonNode gracePhysicsFinal = api.startAttempt(physicsFinal, graceId, grace);

        assertThat(api.attempts(ada, null))
                .containsExactly(adaPhysicsMidterm, adaPhysicsFinal, adaHistory);
        assertThat(api.attempts(null, physics))
                .containsExactly(adaPhysicsMidterm, adaPhysicsFinal, gracePhysicsFinal);
        assertThat(api.attempts(ada, physics))
                .containsExactly(adaPhysicsMidterm, adaPhysicsFinal);
        assertThat(api.attempts(grace, history)).isEmpty();
        assertThat(api.attempts(null, null))
                .contains(adaPhysicsMidterm, adaPhysicsFinal, adaHistory, gracePhysicsFinal);
    }

    @Test
    void a_reset_attempt_is_no_longer_found() {
        String username = "ada_" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode exam = api.newExam("proctored");
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), username).get("id").asLong();

        api.reset(attempt, newUserId(), "staff").expectStatus().isNoContent();

        assertThat(api.attempts(username, null)).isEmpty();
        ExamsApi.problem(api.reset(attempt, newUserId(), "staff"), HttpStatus.NOT_FOUND);
    }
}
