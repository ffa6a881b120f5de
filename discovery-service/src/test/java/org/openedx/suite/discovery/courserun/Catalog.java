package org.openedx.suite.discovery.courserun;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.openedx.suite.testsupport.OperatorEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Discovery as the tests see it: the catalog topic the CMS writes to, and the REST API. */
public final class Catalog {

    private final RestTestClient http;
    private final KafkaTestClient kafka;
    private final String topic;
    private final String deadLetterTopic;
    private final JdbcTemplate jdbc;

    public Catalog(RestTestClient http, String bootstrapServers, EventBusTopics topics, JdbcTemplate jdbc) {
        this.http = http;
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.topic = topics.topicOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
        this.deadLetterTopic = topics.deadLetterTopicOf(topic);
        this.jdbc = jdbc;
    }

    static String newCourseKey() {
        return "course-v1:edX+D" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
    }

    /** What the CMS sends for a published course. */
    static CourseCatalogData catalogInfo(String courseKey, String name) {
        return new CourseCatalogData(courseKey, name, new CourseScheduleData(Instant.parse("2026-09-01T08:00:00Z"),
                CourseScheduleData.INSTRUCTOR_PACED, null, null, null), false, false);
    }

    /** Sends a catalog event as the CMS would, keyed by the course key; returns its ce_id. */
    UUID publish(CourseCatalogData info, Instant eventTime) {
        UUID id = UUID.randomUUID();
        send(info.courseKey(), EventJson.write(new CatalogInfoChangedEvent(info)), id, eventTime);
        return id;
    }

    /** Sends a record with any payload and the envelope of a catalog event: how broken messages are made. */
    void send(String messageKey, byte[] payload, UUID eventId, Instant eventTime) {
        Map<String, String> headers = EventMetadata.of(eventId, OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(),
                "cms", eventTime, "test-host").toHeaders();
        kafka.send(topic, messageKey, payload, headers);
    }

    /** Sends catalog events in one producer batch, as a busy CMS's relay does, so Discovery meets them in one poll. */
    void publishTogether(List<Published> events) {
        kafka.sendTogether(topic, events.stream().map(event -> new KafkaTestClient.Outgoing(event.info().courseKey(),
                EventJson.write(new CatalogInfoChangedEvent(event.info())),
                EventMetadata.of(event.id(), OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", event.time(),
                        "test-host").toHeaders())).toList());
    }

    /** A catalog event to send: what it says, its time and its ce_id. */
    record Published(CourseCatalogData info, Instant time, UUID id) {
        Published(CourseCatalogData info, Instant time) {
            this(info, time, UUID.randomUUID());
        }
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether Discovery has taken the event off the topic: applied, or found older than what it holds. */
    boolean consumed(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM event_bus.consumed_event WHERE event_id = ?", Integer.class,
                eventId) == 1;
    }

    List<Message> deadLettersFor(String messageKey) {
        return kafka.readAll(deadLetterTopic).stream().filter(m -> messageKey.equals(m.key())).toList();
    }

    int coursesWithKey(String course) {
        return jdbc.queryForObject("SELECT count(*) FROM course WHERE key = ?", Integer.class, course);
    }

    int storedRuns() {
        return jdbc.queryForObject("SELECT count(*) FROM course_run", Integer.class);
    }

    /** The runs a listing shows: all but the hidden ones. */
    int visibleRuns() {
        return jdbc.queryForObject("SELECT count(*) FROM course_run WHERE NOT hidden", Integer.class);
    }

    RestTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).exchange();
    }

    /** A POST without a body, with the operator's token unless {@code authorization} says otherwise. */
    RestTestClient.ResponseSpec post(String path, String... authorization) {
        var request = http.post().uri(path);
        if (authorization.length > 0) {
            request.header(HttpHeaders.AUTHORIZATION, authorization[0]);
        }
        return request.exchange();
    }

    /** A GET as the operator, for the operator endpoints under {@code /actuator}. */
    RestTestClient.ResponseSpec getAsOperator(String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, OperatorEndpoints.operator()).exchange();
    }

    /** The operator endpoints are the operator's alone (ADR 7). */
    void checkOperatorEndpointsGuarded() {
        OperatorEndpoints.checkGuarded(http, true);
    }

    /** Searches the runs for the text, sent as a query parameter as it is: a hundred to a page. */
    RestTestClient.ResponseSpec search(String text) {
        return http.get().uri(uri -> uri.path("/api/course-runs").queryParam("q", "{q}").queryParam("size", 100)
                .build(text)).exchange();
    }

    /**
     * Searches or lists the runs with these query parameters, given as name and value one after the other
     * ({@code "q", "quantum", "org", "MITx", "size", "100"}) and sent as they are.
     */
    RestTestClient.ResponseSpec find(String... parameters) {
        return http.get().uri(uri -> {
            uri.path("/api/course-runs");
            Object[] values = new Object[parameters.length / 2];
            for (int i = 0; i < values.length; i++) {
                uri.queryParam(parameters[2 * i], "{v" + i + "}");
                values[i] = parameters[2 * i + 1];
            }
            return uri.build(values);
        }).exchange();
    }

    /** Keys go into paths as they are, {@code /api/course-runs/course-v1:edX+DemoX+2026}. */
    static String run(String courseKey) {
        return "/api/course-runs/" + courseKey;
    }

    /** The run's history, oldest first: one entry per applied event. */
    List<JsonNode> history(String courseKey) {
        JsonNode page = body(get(run(courseKey) + "/history?size=100").expectStatus().isOk());
        return List.copyOf(page.get("items").valueStream().toList());
    }

    /** The run, or null while Discovery has not heard of it. */
    JsonNode runOrNull(String courseKey) {
        var result = get(run(courseKey)).returnResult(JsonNode.class);
        return result.getStatus().value() == 200 ? result.getResponseBody() : null;
    }

    static JsonNode body(RestTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
