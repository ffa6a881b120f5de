package org.openedx.suite.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;
import tools.jackson.databind.JsonNode;

@SandboxTest
class FaultTest {

    private static final String EVENT = "{\"type\":\"enrollment.created\"}";
    private static final String CERTIFICATE = """
            {"reference": "r-1", "template_id": "t", "username": "ada", "course_key": "course-v1:edX+DemoX+2026",
             "mode": "verified"}""";

    private final SandboxClient sandbox;

    FaultTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void down_answers_503_closing_the_connection_with_no_body_and_is_recorded() {
        setFault("{\"target\": \"webhook\", \"mode\": \"down\"}");

        Answer answer = sandbox.post("/webhooks/crm", EVENT, "webhook-id", "msg_1");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Connection")).hasValue("close");
        assertThat(answer.body()).isEmpty();
        JsonNode record = sandbox.received("?receiver=crm").get(0);
        assertThat(record.get("answered_status").intValue()).isEqualTo(503);
        assertThat(record.get("body").get("type").stringValue()).isEqualTo("enrollment.created");
    }

    @Test
    void slow_waits_its_delay_then_answers_as_usual() {
        setFault("{\"target\": \"certificate-provider\", \"mode\": \"slow\", \"delay_ms\": 300, \"times\": 1}");

        long started = System.nanoTime();
        Answer slow = sandbox.post("/certificate-provider/certificates", CERTIFICATE);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(slow.status()).isEqualTo(201);
        // a lower bound only: the sandbox slept at least this long before it answered
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(sandbox.get("/api/faults").json()).isEmpty();
    }

    @Test
    void status_answers_problem_json_with_its_status_for_as_many_requests_as_times_says() {
        setFault("{\"target\": \"plagiarism\", \"mode\": \"status\", \"status\": 500, \"times\": 2}");
        String submission = """
                {"submission_uuid": "s", "text": "some words here", "callback_url": "http://127.0.0.1:9/none"}""";

        List<Answer> answers = List.of(sandbox.post("/plagiarism/submissions", submission),
                sandbox.post("/plagiarism/submissions", submission),
                sandbox.post("/plagiarism/submissions", submission));

        assertThat(answers).extracting(Answer::status).containsExactly(500, 500, 202);
        assertThat(answers.get(0).contentType()).isEqualTo("application/problem+json");
        assertThat(answers.get(0).json().get("status").intValue()).isEqualTo(500);
        assertThat(sandbox.received("?kind=plagiarism")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(500, 500, 202);
    }

    @Test
    void the_remaining_times_are_listed_and_a_used_up_fault_is_gone() {
        setFault("{\"target\": \"certificate-provider\", \"mode\": \"status\", \"status\": 422, \"times\": 2}");

        sandbox.post("/certificate-provider/certificates/revocations", "{\"reference\": \"r\"}");
        JsonNode listed = sandbox.get("/api/faults").json();
        sandbox.post("/certificate-provider/certificates/revocations", "{\"reference\": \"r\"}");

        assertThat(listed).singleElement().satisfies(fault -> {
            assertThat(fault.get("target").stringValue()).isEqualTo("certificate-provider");
            assertThat(fault.get("mode").stringValue()).isEqualTo("status");
            assertThat(fault.get("status").intValue()).isEqualTo(422);
            assertThat(fault.get("times").intValue()).isEqualTo(1);
        });
        assertThat(sandbox.get("/api/faults").json()).isEmpty();
        assertThat(sandbox.post("/certificate-provider/certificates/revocations", "{\"reference\": \"r\"}").status())
                .isEqualTo(404);
    }

    @Test
    void a_fault_without_times_lasts_until_the_faults_are_cleared() {
        setFault("{\"target\": \"webhook:crm\", \"mode\": \"status\", \"status\": 410}");

        assertThat(sandbox.post("/webhooks/crm", EVENT).status()).isEqualTo(410);
        assertThat(sandbox.post("/webhooks/crm", EVENT).status()).isEqualTo(410);
        assertThat(sandbox.delete("/api/faults").status()).isEqualTo(204);
        assertThat(sandbox.post("/webhooks/crm", EVENT).status()).isEqualTo(204);
    }

    @Test
    void a_fault_for_one_receiver_wins_over_the_fault_for_all_webhooks() {
        setFault("{\"target\": \"webhook\", \"mode\": \"status\", \"status\": 500}");
        setFault("{\"target\": \"webhook:crm\", \"mode\": \"status\", \"status\": 429}");

        Answer crm = sandbox.post("/webhooks/crm", EVENT);
        Answer billing = sandbox.post("/webhooks/billing", EVENT);

        assertThat(crm.status()).isEqualTo(429);
        assertThat(crm.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(billing.status()).isEqualTo(500);
        assertThat(sandbox.post("/certificate-provider/certificates", CERTIFICATE).status()).isEqualTo(201);
    }

    @Test
    void putting_a_fault_for_a_target_again_replaces_it() {
        setFault("{\"target\": \"plagiarism\", \"mode\": \"down\"}");
        setFault("{\"target\": \"plagiarism\", \"mode\": \"status\", \"status\": 502}");

        assertThat(sandbox.get("/api/faults").json()).singleElement()
                .satisfies(fault -> assertThat(fault.get("mode").stringValue()).isEqualTo("status"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "target   | {\"mode\": \"down\"}",
            "target   | {\"target\": \"mailer\", \"mode\": \"down\"}",
            "target   | {\"target\": \"webhook:\", \"mode\": \"down\"}",
            "mode     | {\"target\": \"webhook\"}",
            "mode     | {\"target\": \"webhook\", \"mode\": \"broken\"}",
            "status   | {\"target\": \"webhook\", \"mode\": \"status\"}",
            "status   | {\"target\": \"webhook\", \"mode\": \"status\", \"status\": 200}",
            "status   | {\"target\": \"webhook\", \"mode\": \"status\", \"status\": \"500\"}",
            "status   | {\"target\": \"webhook\", \"mode\": \"down\", \"status\": 500}",
            "delay_ms | {\"target\": \"webhook\", \"mode\": \"slow\"}",
            "delay_ms | {\"target\": \"webhook\", \"mode\": \"slow\", \"delay_ms\": -1}",
            "delay_ms | {\"target\": \"webhook\", \"mode\": \"slow\", \"delay_ms\": 600000}",
            "times    | {\"target\": \"webhook\", \"mode\": \"down\", \"times\": 0}",
            "times    | {\"target\": \"webhook\", \"mode\": \"down\", \"times\": 1.5}",
            "body     | [1, 2]",
            "body     | not json"})
    void a_bad_fault_is_refused_naming_the_field(String field, String body) {
        assertProblem(sandbox.put("/api/faults", body), 400, field);
        assertThat(sandbox.get("/api/faults").json()).isEmpty();
    }

    private void setFault(String fault) {
        Answer answer = sandbox.put("/api/faults", fault);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
