package org.openedx.suite.cms.course;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.openedx.suite.testsupport.OperatorEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CMS as its users see it: its REST API, the catalog and analytics topics it writes to, and its outbox. */
public final class CmsClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;
    private final KafkaTestClient kafka;
    private final String catalogTopic;
    private final String analyticsTopic;
    private final JdbcTemplate jdbc;

    public CmsClient(RestTestClient http, String bootstrapServers, EventBusTopics topics, JdbcTemplate jdbc) {
        this.http = http;
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.catalogTopic = topics.topicOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
        this.analyticsTopic = topics.topicOf(OpenEdxEvents.TRACKING_EVENT_EMITTED);
        this.jdbc = jdbc;
    }

    static String newCourseKey() {
        return "course-v1:edX+C" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
    }

    /** The smallest valid creation body: key, name and start. */
    static Map<String, Object> minimalCourse(String courseKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("course_key", courseKey);
        body.put("name", "Demonstration Course");
        body.put("start", "2026-09-01T08:00:00Z");
        return body;
    }

    /** A creation body with every field set. */
    static Map<String, Object> fullCourse(String courseKey) {
        Map<String, Object> body = minimalCourse(courseKey);
        body.put("end", "2026-12-20T17:00:00Z");
        body.put("enrollment_start", "2026-06-01T00:00:00Z");
        body.put("enrollment_end", "2026-09-15T00:00:00Z");
        body.put("pacing", "self");
        body.put("catalog_visibility", "about");
        body.put("invitation_only", true);
        return body;
    }

    static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json(body)).exchange();
    }

    RestTestClient.ResponseSpec put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json(body)).exchange();
    }

    RestTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).exchange();
    }

    /** The same client with another token than the operator's (course staff's, a learner's, a client's). */
    CmsClient as(String token) {
        return new CmsClient(http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build(),
                kafka, catalogTopic, analyticsTopic, jdbc);
    }

    private CmsClient(RestTestClient http, KafkaTestClient kafka, String catalogTopic, String analyticsTopic,
                      JdbcTemplate jdbc) {
        this.http = http;
        this.kafka = kafka;
        this.catalogTopic = catalogTopic;
        this.analyticsTopic = analyticsTopic;
        this.jdbc = jdbc;
    }

    /** The operator endpoints are the operator's alone (ADR 7). */
    void checkOperatorEndpointsGuarded() {
        OperatorEndpoints.checkGuarded(http, true);
    }

    /** Keys go into paths as they are, {@code /api/courses/course-v1:edX+DemoX+2026}, as the specification shows. */
    static String course(String courseKey) {
        return "/api/courses/" + courseKey;
    }

    JsonNode create(Object body) {
        return body(post("/api/courses", body).expectStatus().isCreated());
    }

    JsonNode edit(String courseKey, Object body) {
        return body(put(course(courseKey), body).expectStatus().isOk());
    }

    JsonNode publish(String courseKey) {
        return body(http.post().uri(course(courseKey) + "/publish").exchange().expectStatus().isAccepted());
    }

    JsonNode read(String courseKey) {
        return body(get(course(courseKey)).expectStatus().isOk());
    }

    static JsonNode body(RestTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    String catalogTopic() {
        return catalogTopic;
    }

    /** The catalog events of a course on the topic, in the order the topic holds them. */
    List<Message> catalogEventsOf(String courseKey) {
        return kafka.readAll(catalogTopic).stream().filter(m -> courseKey.equals(m.key())).toList();
    }

    Message catalogEvent(String eventId) {
        return kafka.readAll(catalogTopic).stream().filter(m -> eventId.equals(m.header("ce_id"))).findFirst()
                .orElse(null);
    }

    /**
     * How many events of a course the CMS has written to its outbox and not yet sent. Read before the topic: an event
     * is deleted from the outbox only once Kafka holds it, so outbox-then-topic sees every event ever written.
     */
    int pendingEventsOf(String courseKey) {
        return jdbc.queryForObject("SELECT count(*) FROM event_bus.outbox WHERE message_key = ?", Integer.class,
                courseKey);
    }

    /** A tracking log as it reached the analytics topic: data and context read back from their JSON. */
    record Tracked(String name, String key, Instant time, Map<String, Object> data, Map<String, Object> context) {
    }

    /**
     * The course's tracking logs once the outbox holds none (a row goes only once Kafka holds it, so none can still
     * be on its way).
     */
    List<Tracked> trackingLogsOf(String courseKey) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_bus.outbox WHERE event_type = ?", Integer.class,
                OpenEdxEvents.TRACKING_EVENT_EMITTED.name()) == 0);
        return kafka.readAll(analyticsTopic).stream()
                .map(m -> {
                    var log = JSON.readValue(m.value(), TrackingEvent.class).trackingLog();
                    return new Tracked(log.name(), m.key(), EventTimes.parse(log.timestamp()), map(log.data()),
                            map(log.context()));
                })
                .filter(log -> courseKey.equals(log.data().get("course_id")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return JSON.readValue(json, Map.class);
    }

    int storedCourses() {
        return jdbc.queryForObject("SELECT count(*) FROM course", Integer.class);
    }
}
