package org.openedx.suite.it.clients;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openedx.suite.it.support.Http;
import tools.jackson.databind.JsonNode;

/** cms-service as an author uses it. */
public record Cms(String baseUrl) {

    public JsonNode createCourse(String courseKey, String name, String start, String end) {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("course_key", courseKey);
        course.put("name", name);
        course.put("start", start);
        course.put("end", end);
        course.put("pacing", "instructor");
        return Clients.expect(201, Http.post(baseUrl + "/api/courses", course)).json();
    }

    /** Publishes and returns the event id. */
    public String publish(String courseKey) {
        return Clients.expect(202, Http.post(baseUrl + "/api/courses/" + courseKey + "/publish", Map.of()))
                .json().path("event_id").asString();
    }

    public void createAndPublish(String courseKey, String name) {
        createCourse(courseKey, name, "2026-09-01T00:00:00Z", "2027-06-30T00:00:00Z");
        publish(courseKey);
    }

    /** Adds a block (a chapter when {@code parentUsageKey} is null) and returns its usage key. */
    public String addBlock(String courseKey, String parentUsageKey, String blockType, String displayName,
                           String text) {
        Map<String, Object> block = new LinkedHashMap<>();
        if (parentUsageKey != null) {
            block.put("parent_usage_key", parentUsageKey);
        }
        block.put("block_type", blockType);
        block.put("display_name", displayName);
        if (text != null) {
            block.put("text", text);
        }
        return Clients.expect(201, Http.post(baseUrl + "/api/courses/" + courseKey + "/blocks", block)).json()
                .path("usage_key").asString();
    }

    /** The course's blocks matching {@code query} ({@code q=...&tags=...}), best first. */
    public JsonNode search(String courseKey, String query) {
        return Clients.expect(200, Http.get(baseUrl + "/api/courses/" + courseKey + "/search?" + query)).json();
    }
}
