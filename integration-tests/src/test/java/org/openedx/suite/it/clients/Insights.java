package org.openedx.suite.it.clients;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openedx.suite.it.support.Http;
import tools.jackson.databind.JsonNode;

/** insights-service as a course's staff and an xAPI tool read it (the operator's token). */
public record Insights(String baseUrl) {

    /** xAPI's version header, which every LRS request carries. */
    public static final Map<String, String> XAPI = Map.of("X-Experience-API-Version", "1.0.3");

    /** The course's figures; empty while insights knows nothing of the course. */
    public Optional<JsonNode> figures(String courseKey) {
        var response = Http.get(baseUrl + "/api/courses/" + courseKey + "/insights");
        return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
    }

    /** Every statement the LRS API returns for these filters, walking its {@code more} pages. */
    public List<JsonNode> statements(Map<String, String> filters) {
        List<JsonNode> statements = new ArrayList<>();
        String next = "/xapi/statements" + (filters.isEmpty() ? "" : "?" + filters.entrySet().stream()
                .map(filter -> filter.getKey() + "=" + URLEncoder.encode(filter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        while (!next.isEmpty()) {
            JsonNode page = Clients.expect(200, Http.get(baseUrl + next, XAPI)).json();
            page.path("statements").forEach(statements::add);
            next = page.path("more").asString("");
        }
        return statements;
    }

    /**
     * One learner's statements in a course (by their xAPI agent) in the order they happened: by timestamp. (The LRS
     * API orders by {@code stored}, when insights received them; Open edX keys tracking logs by name, so one
     * learner's logs of different names may arrive in any order.)
     */
    public List<JsonNode> statementsOf(JsonNode agent, String courseKey) {
        return statements(Map.of("agent", agent.toString(), "ascending", "true")).stream()
                .filter(statement -> courseKey.equals(courseOf(statement)))
                .sorted(java.util.Comparator.comparing(
                        (JsonNode statement) -> java.time.Instant.parse(statement.path("timestamp").asString())))
                .toList();
    }

    public Optional<JsonNode> statement(String id) {
        var response = Http.get(baseUrl + "/xapi/statements?statementId=" + id, XAPI);
        return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
    }

    /** The course a statement's context names as its parent activity, as its key. */
    public static String courseOf(JsonNode statement) {
        String id = statement.path("context").path("contextActivities").path("parent").path(0).path("id").asString("");
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
