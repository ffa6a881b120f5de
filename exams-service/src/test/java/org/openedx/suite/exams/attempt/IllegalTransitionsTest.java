package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamsApi.newUserId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openedx.suite.exams.ExamAttemptTopic;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Every move the specification does not allow is refused with 409, changes nothing and announces nothing. An action
 * allowed elsewhere is still refused here: a second submit, a verify of a rejected attempt, a review of a timed exam.
 */
@ExamsServiceTest
class IllegalTransitionsTest {

    private static final String RESET = "org.openedx.learning.exam.attempt.reset.v1";

    /** How an attempt reaches each status, and the events on the way. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "started", List.of(),
            "submitted", List.of("submit"),
            "verified", List.of("submit", "verify"),
            "rejected", List.of("submit", "reject"),
            "error", List.of("error"));

    private static final Map<String, String> ANNOUNCED_BY = Map.of(
            "submit", "org.openedx.learning.exam.attempt.submitted.v1",
            "verify", "org.openedx.learning.exam.attempt.verified.v1",
            "reject", "org.openedx.learning.exam.attempt.rejected.v1",
            "error", "org.openedx.learning.exam.attempt.errored.v1");

    private final ExamsApi api;
    private final ExamAttemptTopic topic;

    IllegalTransitionsTest(ExamsApi api, ExamAttemptTopic topic) {
        this.api = api;
        this.topic = topic;
    }

    @ParameterizedTest(name = "{1} on a {2} attempt at a {0} exam")
    @MethodSource("refusedMoves")
    void a_move_the_specification_does_not_allow_is_refused_and_announces_nothing(String examType, String status,
                                                                                    String action) {
        JsonNode exam = api.newExam(examType);
        String usageKey = exam.get("usage_key").asString();
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();
        PATHS.get(status).forEach(step -> api.perform(attempt, step));
        // the way there is announced first, so that whatever is pending after the refused move was written by it
        topic.awaitOutboxDrained(usageKey);
        JsonNode before = api.attempt(attempt);

        JsonNode problem = ExamsApi.problem(api.act(attempt, action), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains(action, status);
        assertThat(api.attempt(attempt)).isEqualTo(before);
        assertThat(topic.pendingInOutbox(usageKey)).isZero();
        // a reset is allowed from any status; once it is out, anything emitted before it would be out too
        api.reset(attempt, newUserId(), "staff").expectStatus().isNoContent();
        List<String> expected = new ArrayList<>(PATHS.get(status).stream().map(ANNOUNCED_BY::get).toList());
        expected.add(RESET);
        assertThat(topic.typesOnceOut(usageKey, RESET)).containsExactlyElementsOf(expected);
    }

    @Test
    void verifying_an_attempt_at_a_timed_exam_is_refused_because_timed_exams_are_not_reviewed() {
        JsonNode exam = api.newExam("timed");
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();
        api.perform(attempt, "submit");

        JsonNode problem = ExamsApi.problem(api.act(attempt, "verify"), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains("verify", "submitted", "timed");
        assertThat(api.attempt(attempt).get("status").asString()).isEqualTo("submitted");
    }

    @Test
    void acting_on_an_unknown_attempt_finds_nothing() {
        ExamsApi.problem(api.act(Long.MAX_VALUE, "submit"), HttpStatus.NOT_FOUND);
        ExamsApi.problem(api.reset(Long.MAX_VALUE, newUserId(), "staff"), HttpStatus.NOT_FOUND);
    }

    static List<Arguments> refusedMoves() {
        List<Arguments> moves = new ArrayList<>();
        for (String examType : List.of("proctored", "timed", "practice", "onboarding")) {
            boolean reviewed = examType.equals("proctored") || examType.equals("onboarding");
            for (String status : List.of("started", "submitted", "verified", "rejected", "error")) {
                boolean reachable = reviewed || !(status.equals("verified") || status.equals("rejected"));
                for (String action : List.of("submit", "verify", "reject", "error")) {
                    if (reachable && !allowed(status, action, reviewed)) {
                        moves.add(Arguments.of(examType, status, action));
                    }
                }
            }
        }
        // reviewed exams: 5 statuses x 4 actions - 5 allowed; the others: 3 reachable statuses x 4 actions - 3 allowed
        assertThat(moves).hasSize(2 * 15 + 2 * 9);
        return moves;
    }

    /**
     * The specification: submit from started; verify and reject from submitted, reviewed exams only; error from
     * started or submitted.
     */
    private static boolean allowed(String status, String action, boolean reviewed) {
        return switch (action) {
            case "submit" -> status.equals("started");
            case "verify", "reject" -> status.equals("submitted") && reviewed;
            case "error" -> status.equals("started") || status.equals("submitted");
            default -> false;
        };
    }
}
