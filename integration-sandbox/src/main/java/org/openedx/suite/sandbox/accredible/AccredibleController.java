package org.openedx.suite.sandbox.accredible;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.received.Arrival;
import org.openedx.suite.sandbox.received.Intake;
import org.openedx.suite.sandbox.received.Kind;
import org.openedx.suite.sandbox.web.ApiKeys;
import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Accredible, under {@code /accredible}: {@code POST /v1/credentials} issues a credential, {@code PUT} (or {@code
 * PATCH}, as Open edX credentials sends it) {@code /v1/credentials/{id}} with {@code expired_on} expires it (how
 * Accredible revokes), {@code GET /v1/credentials?group_id=} lists them; with {@code Authorization: Token
 * token=<key>} (or {@code Bearer <key>}). A request is checked in this order: the key (401), the body (400 when it is
 * not a JSON object, 422 naming the field), the credential (404).
 */
@RestController
@RequestMapping(path = AccredibleController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class AccredibleController {

    static final String PATH = "/accredible/v1/credentials";
    private static final String CHALLENGE = "Token realm=\"accredible\"";

    private final Credentials credentials;
    private final Intake intake;
    private final String apiKey;

    AccredibleController(Credentials credentials, Intake intake, AccredibleProperties properties) {
        if (properties.apiKey().isBlank()) {
            throw new IllegalStateException("sandbox.accredible.api-key (SANDBOX_ACCREDIBLE_API_KEY) is blank");
        }
        this.credentials = credentials;
        this.intake = intake;
        this.apiKey = properties.apiKey();
    }

    @PostMapping
    ResponseEntity<Object> issue(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String idempotencyKey = request.getHeader(Arrival.IDEMPOTENCY_KEY);
        return intake.receive(Arrival.of(Kind.ACCREDIBLE_CREDENTIAL, request), admit(request), body, parsed -> {
            CredentialRequest issue = CredentialRequest.of(validated(parsed));
            return ResponseEntity.ok(Map.of("credential", credentials.issue(issue, idempotencyKey)));
        });
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    ResponseEntity<Object> expire(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                  HttpServletRequest request) {
        return intake.receive(Arrival.of(Kind.ACCREDIBLE_EXPIRY, request), admit(request), body, parsed -> {
            JsonBody credential = validated(parsed).object("credential");
            return ResponseEntity.ok(Map.of("credential", credentials.expire(id, credential.date("expired_on"))));
        });
    }

    @GetMapping
    Map<String, List<Credential>> list(@RequestParam(name = "group_id", required = false) String groupId,
                                       @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                       String authorization) {
        authenticate(authorization);
        return Map.of("credentials", credentials.list(groupId == null || groupId.isEmpty() ? null : group(groupId)));
    }

    private Runnable admit(HttpServletRequest request) {
        return () -> authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private void authenticate(String authorization) {
        if (!ApiKeys.token(authorization, apiKey)) {
            throw SandboxException.unauthorized(CHALLENGE, "Authorization: Token token=<the API key> is required");
        }
    }

    private static JsonBody validated(JsonNode parsed) {
        return JsonBody.of(parsed).refusingWith(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private static int group(String groupId) {
        try {
            return Integer.parseInt(groupId);
        } catch (NumberFormatException e) {
            throw SandboxException.of(HttpStatus.UNPROCESSABLE_ENTITY, "group_id", "must be a whole number");
        }
    }
}
