package org.openedx.suite.lms.ora;

import org.openedx.suite.outbound.WebhookSignature;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ora/plagiarism-callbacks}: the plagiarism service's verdict on a submission. It carries no token:
 * the Standard Webhooks signature with the shared secret is what proves its origin (401 without a valid one).
 */
@RestController
class PlagiarismCallbackController {

    private final PlagiarismChecks checks;

    PlagiarismCallbackController(PlagiarismChecks checks) {
        this.checks = checks;
    }

    /** 204 once the verdict is stored; the same callback again changes nothing. */
    @PostMapping("/api/ora/plagiarism-callbacks")
    ResponseEntity<Void> verdict(@RequestHeader(name = WebhookSignature.ID, required = false) String id,
                                 @RequestHeader(name = WebhookSignature.TIMESTAMP, required = false) String timestamp,
                                 @RequestHeader(name = WebhookSignature.SIGNATURE, required = false) String signature,
                                 @RequestBody String body) {
        checks.receive(id, timestamp, signature, body);
        return ResponseEntity.noContent().build();
    }
}
