package org.openedx.suite.sandbox.webhook;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.received.Arrival;
import org.openedx.suite.sandbox.received.Intake;
import org.openedx.suite.sandbox.signature.StandardWebhooks;
import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Webhook receivers. {@code POST /webhooks/{receiver}} takes any JSON body with 204 and records whether its Standard
 * Webhooks signature holds (null where the receiver has no secret): an invalid signature is recorded, not refused,
 * for a test to look at. {@code PUT /api/receivers/{receiver} {secret}} sets the secret a receiver checks with.
 */
@RestController
class WebhookController {

    private final Receivers receivers;
    private final Intake intake;
    private final ObjectMapper json;

    WebhookController(Receivers receivers, Intake intake, ObjectMapper json) {
        this.receivers = receivers;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping("/webhooks/{receiver}")
    ResponseEntity<Object> receive(@PathVariable String receiver, @RequestBody(required = false) byte[] body,
                                   HttpServletRequest request) {
        byte[] raw = body == null ? new byte[0] : body;
        Boolean signatureValid = receivers.key(receiver)
                .map(key -> StandardWebhooks.verify(key, request.getHeader(StandardWebhooks.ID),
                        request.getHeader(StandardWebhooks.TIMESTAMP), request.getHeader(StandardWebhooks.SIGNATURE),
                        raw, Instant.now()))
                .orElse(null);
        return intake.receive(Arrival.webhook(receiver, signatureValid, request), raw,
                parsed -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/receivers/{receiver}")
    ResponseEntity<Void> setSecret(@PathVariable String receiver, @RequestBody(required = false) byte[] body) {
        String secret = JsonBody.of(json, body).text("secret");
        byte[] key;
        try {
            key = StandardWebhooks.key(secret);
        } catch (IllegalArgumentException e) {
            throw SandboxException.badRequest("secret", "after whsec_ must be base64");
        }
        if (key.length == 0) {
            throw SandboxException.badRequest("secret", "must not be an empty key");
        }
        receivers.setKey(receiver, key);
        return ResponseEntity.noContent().build();
    }
}
