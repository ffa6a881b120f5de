package org.openedx.suite.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;
import org.openedx.suite.sandbox.Signatures;
import tools.jackson.databind.JsonNode;

@SandboxTest
class WebhookReceiverTest {

    private static final String BODY = "{\"type\":\"certificate.created\",\"data\":{\"username\":\"ada\"}}";

    private final SandboxClient sandbox;

    WebhookReceiverTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void a_webhook_signed_with_the_receivers_secret_is_taken_and_recorded_as_valid() {
        setSecret("valid", "a-plain-secret");
        long now = Instant.now().getEpochSecond();

        Answer answer = postSigned("valid", "msg_1", now, BODY,
                Signatures.v1(Signatures.utf8("a-plain-secret"), "msg_1", now, BODY));

        assertThat(answer.status()).isEqualTo(204);
        JsonNode record = single("?kind=webhook&receiver=valid");
        assertThat(record.get("signature_valid").booleanValue()).isTrue();
        assertThat(record.get("kind").stringValue()).isEqualTo("webhook");
        assertThat(record.get("receiver").stringValue()).isEqualTo("valid");
        assertThat(record.get("path").stringValue()).isEqualTo("/webhooks/valid");
        assertThat(record.get("idempotency_key").stringValue()).isEqualTo("msg_1");
        assertThat(record.get("duplicate").booleanValue()).isFalse();
        assertThat(record.get("answered_status").intValue()).isEqualTo(204);
        assertThat(record.get("body").get("data").get("username").stringValue()).isEqualTo("ada");
        assertThat(record.get("received_at").stringValue()).isNotBlank();
        assertThat(record.get("seq").isIntegralNumber()).isTrue();
    }

    @Test
    void a_whsec_secret_is_the_base64_of_the_key_and_any_listed_signature_may_match() {
        byte[] key = "rotated-key-bytes".getBytes();
        setSecret("rotating", "whsec_" + Base64.getEncoder().encodeToString(key));
        long now = Instant.now().getEpochSecond();
        String stale = Signatures.v1(Signatures.utf8("the-old-key"), "msg_2", now, BODY);

        postSigned("rotating", "msg_2", now, BODY, stale + " " + Signatures.v1(key, "msg_2", now, BODY));

        assertThat(single("?receiver=rotating").get("signature_valid").booleanValue()).isTrue();
    }

    @Test
    void a_wrong_signature_is_taken_but_recorded_as_invalid() {
        setSecret("wrong", "the-right-secret");
        long now = Instant.now().getEpochSecond();

        Answer answer = postSigned("wrong", "msg_3", now, BODY,
                Signatures.v1(Signatures.utf8("another-secret"), "msg_3", now, BODY));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(single("?receiver=wrong").get("signature_valid").booleanValue()).isFalse();
    }

    @Test
    void a_signature_over_another_body_or_without_its_headers_is_invalid() {
        setSecret("tampered", "s3cret");
        long now = Instant.now().getEpochSecond();
        String signature = Signatures.v1(Signatures.utf8("s3cret"), "msg_4", now, BODY);

        postSigned("tampered", "msg_4", now, BODY.replace("ada", "eve"), signature);
        sandbox.post("/webhooks/tampered", BODY);

        assertThat(sandbox.received("?receiver=tampered"))
                .extracting(record -> record.get("signature_valid").booleanValue())
                .containsExactly(false, false);
    }

    @Test
    void a_timestamp_more_than_five_minutes_old_makes_a_right_signature_invalid() {
        setSecret("expired", "s3cret");
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

        postSigned("expired", "msg_5", sixMinutesAgo, BODY,
                Signatures.v1(Signatures.utf8("s3cret"), "msg_5", sixMinutesAgo, BODY));

        assertThat(single("?receiver=expired").get("signature_valid").booleanValue()).isFalse();
    }

    @Test
    void a_receiver_without_a_secret_takes_anything_and_records_no_verdict() {
        Answer answer = sandbox.post("/webhooks/open", BODY, "webhook-id", "msg_6");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(single("?receiver=open").get("signature_valid").isNull()).isTrue();
    }

    @Test
    void a_webhook_id_or_idempotency_key_seen_before_for_the_receiver_marks_a_duplicate() {
        sandbox.post("/webhooks/dup", BODY, "webhook-id", "msg_7");
        sandbox.post("/webhooks/dup", BODY, "webhook-id", "msg_7");
        sandbox.post("/webhooks/other", BODY, "webhook-id", "msg_7");
        sandbox.post("/webhooks/dup", BODY, "webhook-id", "msg_8", "Idempotency-Key", "key-1");
        sandbox.post("/webhooks/dup", BODY, "Idempotency-Key", "key-1");
        sandbox.post("/webhooks/dup", BODY);
        sandbox.post("/webhooks/dup", BODY);

        List<JsonNode> dup = sandbox.received("?receiver=dup");
        assertThat(dup).extracting(record -> record.get("idempotency_key").isNull() ? null
                        : record.get("idempotency_key").stringValue())
                .containsExactly("msg_7", "msg_7", "key-1", "key-1", null, null);
        assertThat(dup).extracting(record -> record.get("duplicate").booleanValue())
                .containsExactly(false, true, false, true, false, false);
        assertThat(single("?receiver=other").get("duplicate").booleanValue()).isFalse();
        assertThat(dup).extracting(record -> record.get("seq").longValue()).isSorted();
    }

    @Test
    void a_body_that_is_not_json_is_refused_naming_the_body_and_still_recorded() {
        Answer answer = sandbox.post("/webhooks/broken", "not json {");

        assertProblem(answer, 400, "body");
        JsonNode record = single("?receiver=broken");
        assertThat(record.get("answered_status").intValue()).isEqualTo(400);
        assertThat(record.get("body").stringValue()).isEqualTo("not json {");
    }

    @Test
    void a_secret_must_be_given_and_a_whsec_secret_must_be_base64() {
        assertProblem(sandbox.put("/api/receivers/r", "{}"), 400, "secret");
        assertProblem(sandbox.put("/api/receivers/r", "{\"secret\": \"  \"}"), 400, "secret");
        assertProblem(sandbox.put("/api/receivers/r", "{\"secret\": \"whsec_not base64!\"}"), 400, "secret");
        assertProblem(sandbox.put("/api/receivers/r", "{\"secret\": 42}"), 400, "secret");
        assertProblem(sandbox.put("/api/receivers/r", "[]"), 400, "body");
    }

    @Test
    void what_was_received_is_filtered_by_kind_and_an_unknown_kind_is_refused_naming_it() {
        sandbox.post("/webhooks/filtered", BODY);

        assertThat(sandbox.received("?kind=webhook")).hasSize(1);
        assertThat(sandbox.received("?kind=certificate")).isEmpty();
        assertThat(sandbox.received("?receiver=nobody")).isEmpty();
        assertProblem(sandbox.get("/api/received?kind=letter"), 400, "kind");
    }

    @Test
    void clearing_what_was_received_keeps_the_secrets() {
        setSecret("kept", "s3cret");
        sandbox.post("/webhooks/kept", BODY);

        sandbox.reset();
        assertThat(sandbox.received("")).isEmpty();
        sandbox.post("/webhooks/kept", BODY);

        assertThat(single("?receiver=kept").get("signature_valid").booleanValue()).isFalse();
    }

    private Answer postSigned(String receiver, String id, long timestamp, String body, String signatures) {
        return sandbox.post("/webhooks/" + receiver, body, "webhook-id", id, "webhook-timestamp",
                Long.toString(timestamp), "webhook-signature", signatures);
    }

    private void setSecret(String receiver, String secret) {
        assertThat(sandbox.put("/api/receivers/" + receiver, "{\"secret\": \"" + secret + "\"}").status())
                .isEqualTo(204);
    }

    private JsonNode single(String query) {
        List<JsonNode> records = sandbox.received(query);
        assertThat(records).as("received%s", query).hasSize(1);
        return records.get(0);
    }
}
