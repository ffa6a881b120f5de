package org.openedx.suite.it.badinput;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openedx.suite.it.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The operations of a REST API as {@code METHOD /path}, with every path variable written {@code {}}: the name of a
 * variable does not change which requests reach the operation, so {@code {courseKey}} in one description and
 * {@code {course_key}} in another are the same operation.
 */
public final class ApiOperations {

    /** The HTTP methods an OpenAPI path item can have (its other keys are parameters, servers, a summary...). */
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiOperations() {
    }

    /** What the service describes at {@code /v3/api-docs}, as a client generator would read it. */
    public static Set<String> documented(String baseUrl) {
        Http.Response answer = Http.get(baseUrl + "/v3/api-docs");
        if (answer.status() != 200) {
            throw new AssertionError("GET " + baseUrl + "/v3/api-docs: " + answer);
        }
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : answer.json().path("paths").properties()) {
            for (String key : path.getValue().propertyNames()) {
                if (METHODS.contains(key)) {
                    operations.add(normalised(key.toUpperCase(Locale.ROOT) + " " + path.getKey()));
                }
            }
        }
        return operations;
    }

    /** {@code PUT /api/courses/{course_key}} becomes {@code PUT /api/courses/{}}. */
    public static String normalised(String operation) {
        // a template variable may carry a pattern ({key:.+}), which has no braces of its own in these APIs
        return operation.replaceAll("\\{[^}]*}", "{}");
    }
}
