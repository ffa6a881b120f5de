package org.openedx.suite.sandbox.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SandboxTest
class CertificateProviderTest {

    private static final String CERTIFICATES = "/certificate-provider/certificates";

    private final SandboxClient sandbox;

    CertificateProviderTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void the_first_request_for_a_reference_generates_a_certificate_served_at_its_url() {
        Answer answer = sandbox.post(CERTIFICATES, request("cert-ada-1").toString());

        assertThat(answer.status()).isEqualTo(201);
        JsonNode receipt = answer.json();
        String id = receipt.get("id").stringValue();
        assertThat(receipt.get("reference").stringValue()).isEqualTo("cert-ada-1");
        assertThat(receipt.get("status").stringValue()).isEqualTo("generated");
        assertThat(receipt.get("url").stringValue()).isEqualTo(sandbox.baseUrl() + CERTIFICATES + "/" + id);
        assertThat(receipt.properties()).hasSize(4);

        JsonNode certificate = sandbox.get(CERTIFICATES + "/" + id).json();
        assertThat(certificate.get("username").stringValue()).isEqualTo("ada");
        assertThat(certificate.get("course_key").stringValue()).isEqualTo("course-v1:edX+DemoX+2026");
        assertThat(certificate.get("template_id").stringValue()).isEqualTo("tpl-verified");
        assertThat(certificate.get("grade").stringValue()).isEqualTo("0.87");
        assertThat(certificate.get("status").stringValue()).isEqualTo("generated");

        JsonNode record = sandbox.received("?kind=certificate").get(0);
        assertThat(record.get("answered_status").intValue()).isEqualTo(201);
        assertThat(record.get("receiver").isNull()).isTrue();
        assertThat(record.get("signature_valid").isNull()).isTrue();
        assertThat(record.get("body").get("reference").stringValue()).isEqualTo("cert-ada-1");
    }

    @Test
    void the_same_reference_again_regenerates_the_same_certificate_even_after_a_revocation() {
        JsonNode first = sandbox.post(CERTIFICATES, request("cert-ada-2").toString()).json();
        sandbox.post(CERTIFICATES + "/revocations", "{\"reference\": \"cert-ada-2\"}");

        Answer again = sandbox.post(CERTIFICATES, request("cert-ada-2").put("grade", 0.95).toString(),
                "Idempotency-Key", "regen-1");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.get("id"));
        assertThat(again.json().get("url")).isEqualTo(first.get("url"));
        assertThat(again.json().get("status").stringValue()).isEqualTo("generated");
        assertThat(sandbox.get(CERTIFICATES + "/" + first.get("id").stringValue()).json().get("grade").stringValue())
                .isEqualTo("0.95");
        assertThat(sandbox.get(CERTIFICATES).json()).hasSize(1);
    }

    @Test
    void a_revocation_revokes_the_certificate_of_the_reference() {
        JsonNode generated = sandbox.post(CERTIFICATES, request("cert-ada-3").toString()).json();

        Answer answer = sandbox.post(CERTIFICATES + "/revocations", "{\"reference\": \"cert-ada-3\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id")).isEqualTo(generated.get("id"));
        assertThat(answer.json().get("url")).isEqualTo(generated.get("url"));
        assertThat(answer.json().get("status").stringValue()).isEqualTo("revoked");
        assertThat(sandbox.get(CERTIFICATES + "/" + generated.get("id").stringValue()).json().get("status")
                .stringValue()).isEqualTo("revoked");
        assertThat(sandbox.received("?kind=revocation")).singleElement()
                .satisfies(record -> assertThat(record.get("answered_status").intValue()).isEqualTo(200));
    }

    @Test
    void revoking_an_unknown_reference_or_reading_an_unknown_id_is_a_404_problem() {
        Answer revocation = sandbox.post(CERTIFICATES + "/revocations", "{\"reference\": \"nobody\"}");
        Answer read = sandbox.get(CERTIFICATES + "/no-such-id");

        for (Answer answer : List.of(revocation, read)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(sandbox.received("?kind=revocation").get(0).get("answered_status").intValue()).isEqualTo(404);
    }

    @Test
    void the_list_has_every_certificate() {
        sandbox.post(CERTIFICATES, request("cert-a").toString());
        sandbox.post(CERTIFICATES, request("cert-b").toString());

        assertThat(sandbox.get(CERTIFICATES).json()).extracting(c -> c.get("reference").stringValue())
                .containsExactlyInAnyOrder("cert-a", "cert-b");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reference", "template_id", "username", "course_key", "mode"})
    void a_missing_required_field_is_refused_naming_it(String field) {
        ObjectNode body = request("cert-missing");
        body.remove(field);

        assertProblem(sandbox.post(CERTIFICATES, body.toString()), 400, field);
        assertThat(sandbox.get(CERTIFICATES).json()).isEmpty();
        assertThat(sandbox.received("?kind=certificate").get(0).get("answered_status").intValue()).isEqualTo(400);
    }

    @Test
    void fields_of_the_wrong_type_are_refused_naming_them() {
        assertProblem(sandbox.post(CERTIFICATES, request("c").put("email", 7).toString()), 400, "email");
        assertProblem(sandbox.post(CERTIFICATES, request("c").put("username", " ").toString()), 400, "username");
        assertProblem(sandbox.post(CERTIFICATES, request("c").set("grade",
                SandboxClient.JSON.createArrayNode()).toString()), 400, "grade");
        assertProblem(sandbox.post(CERTIFICATES + "/revocations", "{}"), 400, "reference");
        assertProblem(sandbox.post(CERTIFICATES, ""), 400, "body");
    }

    private static ObjectNode request(String reference) {
        return SandboxClient.JSON.createObjectNode()
                .put("reference", reference)
                .put("template_id", "tpl-verified")
                .put("username", "ada")
                .put("name", "Ada Lovelace")
                .put("email", "ada@example.org")
                .put("course_key", "course-v1:edX+DemoX+2026")
                .put("course_name", "Demo Course")
                .put("mode", "verified")
                .put("grade", "0.87");
    }
}
