package org.openedx.suite.sandbox.plagiarism;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.received.Arrival;
import org.openedx.suite.sandbox.received.Intake;
import org.openedx.suite.sandbox.received.Kind;
import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A plagiarism service: {@code POST /plagiarism/submissions} answers 202 {@code {check_id}} and calls back later;
 * {@code GET /plagiarism/reports/{check_id}} is the report the callback links to; {@code GET
 * /api/plagiarism/callbacks} lists every try to call back.
 */
@RestController
class PlagiarismController {

    private final PlagiarismChecks checks;
    private final Callbacks callbacks;
    private final Intake intake;

    PlagiarismController(PlagiarismChecks checks, Callbacks callbacks, Intake intake) {
        this.checks = checks;
        this.callbacks = callbacks;
        this.intake = intake;
    }

    @PostMapping(path = "/plagiarism/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> submit(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String baseUrl = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        String idempotencyKey = request.getHeader(Arrival.IDEMPOTENCY_KEY);
        return intake.receive(Arrival.of(Kind.PLAGIARISM, request), body, json -> {
            PlagiarismCheck check = checks.submit(SubmissionRequest.of(JsonBody.of(json)), idempotencyKey, baseUrl);
            return ResponseEntity.accepted().body(Map.of("check_id", check.checkId()));
        });
    }

    @GetMapping(path = PlagiarismChecks.REPORTS + "/{check_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    PlagiarismCheck report(@PathVariable("check_id") String checkId) {
        return checks.get(checkId).orElseThrow(() -> SandboxException.notFound("no check has the id " + checkId));
    }

    @GetMapping(path = "/api/plagiarism/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CallbackAttempt> callbacks() {
        return callbacks.attempts();
    }
}
