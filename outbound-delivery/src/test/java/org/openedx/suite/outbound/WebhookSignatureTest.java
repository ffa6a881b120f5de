package org.openedx.suite.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks reference libraries: this secret, id, timestamp and body. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final Instant AT = Instant.ofEpochSecond(1614265330);

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        assertThat(new WebhookSignature(SECRET).headers(ID, AT, BODY))
                .containsEntry("webhook-id", ID)
                .containsEntry("webhook-timestamp", "1614265330")
                .containsEntry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesItsOwnSignatureAndRefusesAnyChange() {
        WebhookSignature signature = new WebhookSignature("a plain secret of the subscription");
        var headers = signature.headers("id-1", AT, BODY);
        String signed = headers.get("webhook-signature");

        assertThat(signature.verifies("id-1", "1614265330", signed, BODY, AT.plusSeconds(60))).isTrue();
        assertThat(signature.verifies("id-1", "1614265330", "v1,bogus " + signed, BODY, AT)).isTrue();
        assertThat(signature.verifies("id-2", "1614265330", signed, BODY, AT)).isFalse();
        assertThat(signature.verifies("id-1", "1614265330", signed, BODY + " ", AT)).isFalse();
        assertThat(signature.verifies("id-1", "1614265331", signed, BODY, AT)).isFalse();
        assertThat(signature.verifies("id-1", "1614265330", signed, BODY, AT.plusSeconds(301))).isFalse();
        assertThat(signature.verifies("id-1", "1614265330", null, BODY, AT)).isFalse();
        assertThat(new WebhookSignature("another secret").verifies("id-1", "1614265330", signed, BODY, AT)).isFalse();
    }
}
