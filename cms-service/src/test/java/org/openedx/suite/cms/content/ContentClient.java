package org.openedx.suite.cms.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A course's content as authors reach it: courses, blocks, tags, search, and the xblock topic the CMS writes to. */
public final class ContentClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;
    private final KafkaTestClient kafka;
    private final String xblockTopic;
    private final JdbcTemplate jdbc;

    public ContentClient(RestTestClient http, String bootstrapServers, EventBusTopics topics, JdbcTemplate jdbc) {
        this.http = http;
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.xblockTopic = topics.topicOf(OpenEdxEvents.XBLOCK_PUBLISHED);
        this.jdbc = jdbc;
    }

    /** A new course in {@code language}; its key is returned. */
    public String newCourse(String language) {
        String courseKey = "course-v1:edX+K" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("course_key", courseKey);
        body.put("name", "Content Course");
        body.put("start", "2026-09-01T08:00:00Z");
        body.put("language", language);
        post("/api/courses", body).expectStatus().isCreated();
        return courseKey;
    }

    /** A new block; its usage key is returned. */
    public String add(String courseKey, String parent, String type, String displayName, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (parent != null) {
            body.put("parent_usage_key", parent);
        }
        body.put("block_type", type);
        body.put("display_name", displayName);
        if (text != null) {
            body.put("text", text);
        }
        return body(post("/api/courses/" + courseKey + "/blocks", body).expectStatus().isCreated())
                .path("usage_key").asString();
    }

    public JsonNode edit(String usageKey, String displayName, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("display_name", displayName);
        if (text != null) {
            body.put("text", text);
        }
        return body(put("/api/blocks/" + usageKey, body).expectStatus().isOk());
    }

    public JsonNode block(String usageKey) {
        return body(get("/api/blocks/" + usageKey).expectStatus().isOk());
    }

    /** The block's tags as {@code Taxonomy:value}, sorted. */
    public List<String> tagsOf(String objectId) {
        return jdbc.queryForList("SELECT taxonomy || ':' || value FROM object_tag WHERE object_id = ? "
                + "ORDER BY 1", String.class, objectId);
    }

    public JsonNode search(String courseKey, String query) {
        return body(get("/api/courses/" + courseKey + "/search?" + query).expectStatus().isOk());
    }

    /** The usage keys of a search's results, best first. */
    public List<String> found(String courseKey, String query) {
        List<String> keys = new ArrayList<>();
        search(courseKey, query).path("results").forEach(hit -> keys.add(hit.path("usage_key").asString()));
        return keys;
    }

    /** Reactions recorded and not done yet (Spring Modulith's registry). */
    public int pendingReactions() {
        Integer pending = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
                Integer.class);
        return pending == null ? 0 : pending;
    }

    /** The xblock events of a block on the bus, in topic order. */
    public List<Message> xblockEventsOf(String usageKey) {
        return kafka.readAll(xblockTopic).stream().filter(m -> usageKey.equals(m.key())).toList();
    }

    public RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json(body)).exchange();
    }

    public RestTestClient.ResponseSpec put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json(body)).exchange();
    }

    public RestTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).exchange();
    }

    public RestTestClient.ResponseSpec delete(String path) {
        return http.delete().uri(path).exchange();
    }

    public static JsonNode body(RestTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public static Map<String, Object> map(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(json, Map.class);
        return map;
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
