package org.openedx.suite.sandbox.lrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.received.Arrival;
import org.openedx.suite.sandbox.received.Intake;
import org.openedx.suite.sandbox.received.Kind;
import org.openedx.suite.sandbox.web.ApiKeys;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An xAPI 1.0.3 Learning Record Store, the statements resource and {@code about}, under {@code /lrs/xapi}: {@code PUT
 * /statements?statementId=} stores one statement (204), {@code POST /statements} one or an array (200, their ids),
 * {@code GET /statements?statementId=} answers one, {@code GET /statements?verb=&limit=} lists them, the newest stored
 * first. Every call but {@code about} needs HTTP Basic with {@code sandbox.lrs.*} (401), then an
 * {@code X-Experience-API-Version} of 1.0.x (400); then the body is checked (400 naming the field), then the id
 * (409 when another statement has it). Every answer says {@code X-Experience-API-Version: 1.0.3}
 * ({@link XapiVersionFilter}).
 */
@RestController
@RequestMapping(path = LrsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class LrsController {

    static final String PATH = "/lrs/xapi";
    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final String VERSION = "1.0.3";
    private static final String CHALLENGE = "Basic realm=\"lrs\"";
    private static final String STATEMENT_ID = "statementId";
    private static final int DEFAULT_LIMIT = 100;

    private final Statements statements;
    private final Intake intake;
    private final LrsProperties properties;

    LrsController(Statements statements, Intake intake, LrsProperties properties) {
        if (properties.username().isBlank() || properties.password().isBlank()) {
            throw new IllegalStateException("sandbox.lrs.username (SANDBOX_LRS_USERNAME) and sandbox.lrs.password "
                    + "(SANDBOX_LRS_PASSWORD) must not be blank");
        }
        this.statements = statements;
        this.intake = intake;
        this.properties = properties;
    }

    @PutMapping("/statements")
    ResponseEntity<Object> put(@RequestParam(name = STATEMENT_ID, required = false) String statementId,
                               @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return intake.receive(Arrival.of(Kind.LRS_STATEMENT, request), admit(request), body, parsed -> {
            if (statementId == null) {
                throw SandboxException.badRequest(STATEMENT_ID, "is required");
            }
            statements.store(List.of(SentStatement.of(parsed, null, statementId(statementId))));
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/statements")
    ResponseEntity<Object> post(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return intake.receive(Arrival.of(Kind.LRS_STATEMENT, request), admit(request), body, parsed -> {
            List<SentStatement> sent = new ArrayList<>();
            if (parsed.isArray()) {
                if (parsed.isEmpty()) {
                    throw SandboxException.badRequest("body", "must be a statement or a non-empty array of them");
                }
                for (int i = 0; i < parsed.size(); i++) {
                    sent.add(SentStatement.of(parsed.get(i), "[" + i + "]", null));
                }
            } else {
                sent.add(SentStatement.of(parsed, null, null));
            }
            return ResponseEntity.ok(statements.store(sent).stream().map(UUID::toString).toList());
        });
    }

    /** One statement ({@code statementId}), else those with the {@code verb} (any without), {@code limit} at most. */
    @GetMapping("/statements")
    Object get(@RequestParam(name = STATEMENT_ID, required = false) String statementId,
               @RequestParam(required = false) String verb, @RequestParam(required = false) String limit,
               HttpServletRequest request) {
        admit(request).run();
        if (statementId != null) {
            if (verb != null || limit != null) {
                throw SandboxException.badRequest(STATEMENT_ID, "goes with no other parameter");
            }
            UUID id = statementId(statementId);
            return statements.find(id).orElseThrow(() -> SandboxException.notFound("no statement has the id " + id))
                    .answer();
        }
        List<JsonNode> found = statements.list(verb == null || verb.isEmpty() ? null : verb, limit(limit)).stream()
                .<JsonNode>map(StoredStatement::answer).toList();
        return new StatementResult(found, "");
    }

    /** The versions of xAPI the LRS speaks; open to anyone, whatever version header they send. */
    @GetMapping("/about")
    Map<String, List<String>> about() {
        return Map.of("version", List.of(VERSION));
    }

    /** Refuses a call without the LRS's credentials (401), then one without a 1.0.x version header (400). */
    private Runnable admit(HttpServletRequest request) {
        return () -> {
            if (!ApiKeys.basic(request.getHeader(HttpHeaders.AUTHORIZATION), properties.username(),
                    properties.password())) {
                throw SandboxException.unauthorized(CHALLENGE, "HTTP Basic with the LRS's username and password is "
                        + "required");
            }
            String version = request.getHeader(VERSION_HEADER);
            if (version == null || !(version.equals("1.0") || version.startsWith("1.0."))) {
                throw SandboxException.badRequest(VERSION_HEADER, "must be 1.0.x (1.0.3)");
            }
        };
    }

    private static UUID statementId(String statementId) {
        return SentStatement.uuid(statementId)
                .orElseThrow(() -> SandboxException.badRequest(STATEMENT_ID, "must be a UUID"));
    }

    /** {@code limit}, 0 for no limit (as xAPI has it); 100 without one. */
    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SandboxException.badRequest("limit", "must be a whole number, 0 or more (0: no limit)");
    }

    /** xAPI's StatementResult; {@code more} is always empty, the list is never cut into pages. */
    record StatementResult(List<JsonNode> statements, String more) {
    }
}
