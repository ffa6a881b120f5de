package org.openedx.suite.sandbox.received;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;

@SandboxTest
class ReceivedTest {

    private final SandboxClient sandbox;

    ReceivedTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void every_kind_of_request_is_recorded_in_arrival_order() {
        sandbox.post("/webhooks/crm", "{}");
        sandbox.post("/certificate-provider/certificates", """
                {"reference": "r", "template_id": "t", "username": "ada", "course_key": "k", "mode": "honor"}""");
        sandbox.post("/certificate-provider/certificates/revocations", "{\"reference\": \"r\"}");
        sandbox.post("/plagiarism/submissions", "{}");
        sandbox.post("/credly/v1/organizations/suite-org/badges", "{}");
        sandbox.put("/credly/v1/organizations/suite-org/badges/b/revoke", "{}");
        sandbox.post("/accredible/v1/credentials", "{}");
        sandbox.put("/accredible/v1/credentials/1", "{}");
        sandbox.post("/lrs/xapi/statements", "{}");

        assertThat(sandbox.received("")).extracting(record -> record.get("kind").stringValue())
                .containsExactly("webhook", "certificate", "revocation", "plagiarism", "credly-badge",
                        "credly-revocation", "accredible-credential", "accredible-expiry", "lrs-statement");
        assertThat(sandbox.received("?kind=revocation")).singleElement()
                .satisfies(record -> assertThat(record.get("path").stringValue())
                        .isEqualTo("/certificate-provider/certificates/revocations"));
        assertThat(sandbox.received("?kind=accredible-expiry")).singleElement()
                .satisfies(record -> assertThat(record.get("path").stringValue())
                        .isEqualTo("/accredible/v1/credentials/1"));
    }

    @Test
    void clearing_forgets_the_records_certificates_and_checks_but_not_the_faults() {
        Answer certificate = sandbox.post("/certificate-provider/certificates", """
                {"reference": "r", "template_id": "t", "username": "ada", "course_key": "k", "mode": "honor"}""");
        String checkId = sandbox.post("/plagiarism/submissions", """
                {"submission_uuid": "s", "text": "words", "callback_url": "http://127.0.0.1:9/none"}""")
                .json().get("check_id").stringValue();
        sandbox.put("/api/faults", "{\"target\": \"webhook:nobody\", \"mode\": \"down\"}");

        assertThat(sandbox.delete("/api/received").status()).isEqualTo(204);

        assertThat(sandbox.received("")).isEmpty();
        assertThat(sandbox.get("/certificate-provider/certificates").json()).isEmpty();
        assertThat(sandbox.get(certificate.json().get("url").stringValue().replace(sandbox.baseUrl(), ""))
                .status()).isEqualTo(404);
        assertThat(sandbox.get("/plagiarism/reports/" + checkId).status()).isEqualTo(404);
        assertThat(sandbox.get("/api/faults").json()).hasSize(1);
    }

    @Test
    void health_is_public_and_an_unknown_path_is_a_404_problem() {
        Answer health = sandbox.get("/actuator/health");
        Answer unknown = sandbox.get("/no/such/thing");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    }
}
