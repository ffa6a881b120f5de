package org.openedx.suite.sandbox.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;
import org.openedx.suite.sandbox.Signatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SandboxTest
class PlagiarismServiceTest {

    private static final String SUBMISSIONS = "/plagiarism/submissions";
    /** Six words count (not, that, the, question, essay, answers); four are Hamlet's: 4/6. */
    private static final String TEXT = "To be, or not to be: that is the question my essay answers.";
    private static final byte[] KEY = Base64.getDecoder().decode(
            SandboxTest.CALLBACK_SECRET.substring("whsec_".length()));

    private final SandboxClient sandbox;
    private CallbackServer lms;

    PlagiarismServiceTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void start() {
        lms = CallbackServer.start();
    }

    @AfterEach
    void stop() {
        lms.close();
    }

    @Test
    void a_submission_is_called_back_once_signed_with_the_callback_secret() {
        Answer answer = sandbox.post(SUBMISSIONS, submission("sub-1").toString());

        assertThat(answer.status()).isEqualTo(202);
        String checkId = answer.json().get("check_id").stringValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> lms.calls().size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> lms.calls().size() == 1);

        CallbackServer.Call call = lms.calls().get(0);
        long timestamp = Long.parseLong(call.header("webhook-timestamp"));
        assertThat(call.header("webhook-id")).isEqualTo(checkId);
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        assertThat(call.header("webhook-signature")).isEqualTo(Signatures.v1(KEY, checkId, timestamp, call.body()));
        assertThat(call.header("content-type")).isEqualTo("application/json");

        JsonNode outcome = SandboxClient.JSON.readTree(call.body());
        assertThat(outcome.get("submission_uuid").stringValue()).isEqualTo("sub-1");
        assertThat(outcome.get("check_id").stringValue()).isEqualTo(checkId);
        assertThat(outcome.get("similarity").doubleValue()).isEqualTo(0.67);
        assertThat(outcome.get("report_url").stringValue())
                .isEqualTo(sandbox.baseUrl() + "/plagiarism/reports/" + checkId);

        assertThat(attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("check_id").stringValue()).isEqualTo(checkId);
            assertThat(attempt.get("attempt").intValue()).isEqualTo(1);
            assertThat(attempt.get("status").intValue()).isEqualTo(204);
            assertThat(attempt.get("error").isNull()).isTrue();
        });
    }

    @Test
    void the_report_is_served_at_the_report_url() {
        String checkId = sandbox.post(SUBMISSIONS, submission("sub-2").toString()).json().get("check_id")
                .stringValue();

        JsonNode report = sandbox.get("/plagiarism/reports/" + checkId).json();

        assertThat(report.get("check_id").stringValue()).isEqualTo(checkId);
        assertThat(report.get("submission_uuid").stringValue()).isEqualTo("sub-2");
        assertThat(report.get("course_key").stringValue()).isEqualTo("course-v1:edX+DemoX+2026");
        assertThat(report.get("similarity").doubleValue()).isEqualTo(0.67);
        assertThat(report.get("matched_words")).extracting(JsonNode::stringValue)
                .containsExactly("not", "that", "the", "question");
        assertThat(sandbox.get("/plagiarism/reports/unknown").status()).isEqualTo(404);
    }

    @Test
    void the_score_is_the_share_of_words_found_in_the_known_sources() {
        String original = "My cat enjoys quiet mornings beside warm radiators.";
        String copied = "Four score and seven years ago our fathers brought forth on this continent a new nation.";

        assertThat(similarityOf(original)).isEqualTo(0.0);
        assertThat(similarityOf(copied)).isEqualTo(1.0);
        assertThat(similarityOf("a an of")).isEqualTo(0.0);
    }

    @Test
    void a_submission_with_an_idempotency_key_seen_before_gets_the_same_check_and_no_second_callback() {
        Answer first = sandbox.post(SUBMISSIONS, submission("sub-3").toString(), "Idempotency-Key", "ora-42");
        Answer again = sandbox.post(SUBMISSIONS, submission("sub-3").toString(), "Idempotency-Key", "ora-42");
        Answer other = sandbox.post(SUBMISSIONS, submission("sub-3").toString(), "Idempotency-Key", "ora-43");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("check_id")).isEqualTo(first.json().get("check_id"));
        assertThat(other.json().get("check_id")).isNotEqualTo(first.json().get("check_id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> lms.calls().size() == 2);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> lms.calls().size() == 2);
        assertThat(sandbox.received("?kind=plagiarism")).extracting(record -> record.get("duplicate").booleanValue())
                .containsExactly(false, true, false);
    }

    @Test
    void a_callback_answered_with_an_error_is_tried_again_until_it_is_taken() {
        lms.answerNext(500, 503);

        String checkId = sandbox.post(SUBMISSIONS, submission("sub-4").toString()).json().get("check_id")
                .stringValue();

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts().size() == 3);
        assertThat(attempts()).extracting(attempt -> attempt.get("status").intValue()).containsExactly(500, 503, 204);
        assertThat(attempts()).extracting(attempt -> attempt.get("attempt").intValue()).containsExactly(1, 2, 3);
        assertThat(lms.calls()).hasSize(3).allSatisfy(call -> {
            assertThat(call.header("webhook-id")).isEqualTo(checkId);
            long timestamp = Long.parseLong(call.header("webhook-timestamp"));
            assertThat(call.header("webhook-signature")).isEqualTo(Signatures.v1(KEY, checkId, timestamp,
                    call.body()));
        });
    }

    @Test
    void a_callback_url_nothing_listens_on_is_tried_as_often_as_the_back_offs_allow_and_recorded_as_errors() {
        String unreachable = lms.url();
        lms.close();

        sandbox.post(SUBMISSIONS, submission("sub-5").put("callback_url", unreachable).toString());

        // one try and one retry per back-off (two in the tests' configuration)
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts().size() == 3);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> attempts().size() == 3);
        assertThat(attempts()).allSatisfy(attempt -> {
            assertThat(attempt.get("status").isNull()).isTrue();
            assertThat(attempt.get("error").stringValue()).isNotBlank();
        });
    }

    @Test
    void a_submission_missing_a_required_field_or_with_a_bad_callback_url_is_refused_naming_the_field() {
        for (String field : List.of("submission_uuid", "text", "callback_url")) {
            ObjectNode body = submission("sub-6");
            body.remove(field);
            assertProblem(sandbox.post(SUBMISSIONS, body.toString()), 400, field);
        }
        assertProblem(sandbox.post(SUBMISSIONS, submission("sub-6").put("callback_url", "/relative").toString()),
                400, "callback_url");
        assertProblem(sandbox.post(SUBMISSIONS, submission("sub-6").put("callback_url", "ftp://x/y").toString()),
                400, "callback_url");
        assertProblem(sandbox.post(SUBMISSIONS, submission("sub-6").put("usage_key", 3).toString()),
                400, "usage_key");
        assertThat(sandbox.received("?kind=plagiarism")).hasSize(6)
                .allSatisfy(record -> assertThat(record.get("answered_status").intValue()).isEqualTo(400));
        assertThat(attempts()).isEmpty();
    }

    private double similarityOf(String text) {
        String checkId = sandbox.post(SUBMISSIONS, submission("sub-score").put("text", text).toString()).json()
                .get("check_id").stringValue();
        return sandbox.get("/plagiarism/reports/" + checkId).json().get("similarity").doubleValue();
    }

    private List<JsonNode> attempts() {
        List<JsonNode> attempts = new ArrayList<>();
        sandbox.get("/api/plagiarism/callbacks").json().forEach(attempts::add);
        return attempts;
    }

    private ObjectNode submission(String submissionUuid) {
        return SandboxClient.JSON.createObjectNode()
                .put("submission_uuid", submissionUuid)
                .put("course_key", "course-v1:edX+DemoX+2026")
                .put("usage_key", "block-v1:edX+DemoX+2026+type@openassessment+block@essay")
                .put("text", TEXT)
                .put("callback_url", lms.url());
    }
}
