package org.openedx.suite.insights.lrs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.insights.statement.Statements;
import org.openedx.suite.insights.statement.Statements.Position;
import org.openedx.suite.insights.statement.Statements.StatementPage;
import org.openedx.suite.insights.statement.Statements.StatementQuery;
import org.openedx.suite.insights.statement.XapiStatements;
import org.openedx.suite.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read side of an xAPI 1.0.3 LRS over insights' statements: {@code GET /xapi/statements} with the filters an
 * analytics tool uses, newest {@code stored} first unless {@code ascending}, a page at a time with a {@code more} URL
 * that carries an opaque cursor; a statement by its id; {@code /xapi/about}. Requests name the xAPI version they speak
 * ({@code X-Experience-API-Version: 1.0.x}); every answer says {@code 1.0.3} ({@link XapiVersionHeader}).
 */
@RestController
@RequestMapping("/xapi")
class XapiController {

    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final int MAX_LIMIT = 500;
    private static final Set<String> PARAMETERS = Set.of("statementId", "verb", "activity", "agent", "registration",
            "since", "until", "limit", "ascending", "cursor");

    private final Statements statements;
    private final JsonMapper json;

    XapiController(Statements statements, JsonMapper json) {
        this.statements = statements;
        this.json = json;
    }

    @GetMapping("/about")
    AboutResponse about() {
        return new AboutResponse(List.of(XapiStatements.VERSION));
    }

    /** A statement ({@code statementId}) or a page of them, {@code {statements, more}}. */
    @GetMapping("/statements")
    Object statements(@RequestHeader(name = VERSION_HEADER, required = false) String version,
                      HttpServletRequest request) {
        if (version == null || !version.trim().matches("1\\.0(\\.\\d+)?")) {
            throw ApiException.badRequest(VERSION_HEADER, "must name the xAPI version of the request, 1.0.x (1.0.3)"
                    + (version == null ? "" : ", not " + version));
        }
        Map<String, String[]> parameters = request.getParameterMap();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw ApiException.badRequest(parameter.getKey(), "is not a parameter of this LRS; it knows "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
            if (parameter.getValue().length > 1) {
                throw ApiException.badRequest(parameter.getKey(), "may be given once");
            }
        }
        String statementId = request.getParameter("statementId");
        if (statementId != null) {
            if (parameters.size() > 1) {
                throw ApiException.badRequest("statementId", "asks for one statement: no other parameter with it");
            }
            UUID id = uuid("statementId", statementId);
            return statements.find(id).orElseThrow(() -> ApiException.notFound("no statement " + id));
        }
        StatementQuery query = new StatementQuery(
                request.getParameter("verb"),
                request.getParameter("activity"),
                agentName(request.getParameter("agent")),
                request.getParameter("registration") == null ? null
                        : uuid("registration", request.getParameter("registration")),
                time("since", request.getParameter("since")),
                time("until", request.getParameter("until")),
                limit(request.getParameter("limit")),
                ascending(request.getParameter("ascending")),
                cursor(request.getParameter("cursor")));
        StatementPage page = statements.query(query);
        return new StatementsResponse(page.statements(), page.next() == null ? "" : more(parameters, page.next()));
    }

    private String agentName(String agent) {
        if (agent == null) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(agent);
        } catch (JacksonException e) {
            throw ApiException.badRequest("agent", "is not JSON: " + e.getOriginalMessage());
        }
        JsonNode objectType = node == null ? null : node.get("objectType");
        if (node == null || !node.isObject() || (objectType != null && !"Agent".equals(objectType.asString()))) {
            throw ApiException.badRequest("agent", "must be an Agent object, e.g. "
                    + "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"...\",\"name\":\"...\"}}");
        }
        JsonNode name = node.path("account").path("name");
        if (!name.isString() || name.stringValue().isBlank()) {
            throw ApiException.badRequest("agent", "must identify the agent by its account: "
                    + "{\"account\":{\"homePage\":\"...\",\"name\":\"...\"}} (actors here have no mbox)");
        }
        return name.stringValue();
    }

    private static UUID uuid(String parameter, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(parameter, "must be a UUID, not " + value);
        }
    }

    private static Instant time(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            throw ApiException.badRequest(parameter, "must be an ISO 8601 time with an offset, e.g. "
                    + "2026-06-01T10:00:00Z, not " + value);
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0 && limit <= MAX_LIMIT) {
                return limit == 0 ? MAX_LIMIT : limit;   // xAPI: 0 is the server's maximum
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit", "must be a whole number from 0 (the most, " + MAX_LIMIT + ") to "
                + MAX_LIMIT + ", not " + value);
    }

    private static boolean ascending(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("ascending", "must be true or false, not " + value);
    }

    private static Position cursor(String value) {
        if (value == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            return new Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cursor", "is not a cursor of this LRS: follow the more URL as it is");
        }
    }

    /** The next page: the same query, starting after the last statement of this one. */
    private static String more(Map<String, String[]> parameters, Position next) {
        StringBuilder uri = new StringBuilder("/xapi/statements?");
        parameters.forEach((name, values) -> {
            if (!name.equals("cursor")) {
                // form encoding, as the servlet decodes it: a + in a course key must stay a +
                uri.append(name).append('=').append(URLEncoder.encode(values[0], StandardCharsets.UTF_8)).append('&');
            }
        });
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (next.stored() + "|" + next.seq()).getBytes(StandardCharsets.UTF_8));
        return uri.append("cursor=").append(cursor).toString();
    }

    record AboutResponse(List<String> version) {
    }

    record StatementsResponse(List<ObjectNode> statements, String more) {
    }
}
