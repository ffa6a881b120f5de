package org.openedx.suite.lms;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.common.utils.Utils;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.openedx.suite.testsupport.DefaultToken;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Drives the LMS as its users and the other services do: over REST, and through Kafka with the catalog and exam
 * events of the CMS and edx-exams. Also reads what the LMS announces.
 */
final class Lms {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    final RestTestClient http;
    private final String baseUrl;
    private final KafkaTestClient kafka;
    private final EventBusTopics topics;
    private String operatorToken;
    private Instant operatorTokenFetched = Instant.MIN;

    Lms(int port, String bootstrapServers, EventBusTopics topics) {
        this.baseUrl = "http://localhost:" + port;
        // the operator's token from the LMS's own token endpoint, unless a request sets its own
        this.http = RestTestClient.bindToServer().baseUrl(baseUrl)
                .requestInterceptor(new DefaultToken(this::operatorToken)).build();
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.topics = topics;
    }

    String baseUrl() {
        return baseUrl;
    }

    // ---- identity: the LMS issues the suite's tokens

    /** Asks the token endpoint for a client's token (client credentials, HTTP basic authentication). */
    RestTestClient.ResponseSpec clientToken(String clientId, String secret) {
        return http.post().uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange();
    }

    /** The {@code Authorization} header of the operator {@code suite-admin}, with a token from the token endpoint. */
    String operator() {
        return "Bearer " + operatorToken();
    }

    /** Asked again well before the 15 minutes a token lives, which a module's tests can outlast. */
    private synchronized String operatorToken() {
        if (operatorTokenFetched.isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            operatorToken = json(clientToken("suite-admin", TestIssuer.OPERATOR_SECRET)
                    .expectStatus().isOk().returnResult(String.class).getResponseBody())
                    .get("access_token").asString();
            operatorTokenFetched = Instant.now();
        }
        return operatorToken;
    }

    // ---- learners, courses, enrollments, grades: the REST API

    record Learner(long id, String username, String email, String name) {

        UserData toUserData() {
            return new UserData(id, true, new UserPersonalData(username, email, name));
        }
    }

    record Course(String key, String displayName, Instant start, Instant end) {

        /** A subsection of this course: {@code block-v1:ORG+NUMBER+RUN+type@sequential+block@<id>}. */
        String block(String id) {
            return "block-v1:" + key.substring("course-v1:".length()) + "+type@sequential+block@" + id;
        }
    }

    Learner newLearner() {
        return newLearner(null);
    }

    /** A new learner who signs in in a browser with this password (null: none, no browser sign-in). */
    Learner newLearner(String password) {
        String username = "learner_" + unique();
        String email = username + "@example.com";
        String name = "Ada " + username;
        String withPassword = password == null ? "" : ", \"password\": \"" + password + "\"";
        JsonNode body = json(http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"username": "%s", "email": "%s", "name": "%s"%s}""".formatted(username, email, name,
                        withPassword))
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody());
        return new Learner(body.get("id").asLong(), username, email, name);
    }

    /** A course run the LMS learned about from a catalog event. */
    Course newCourse(String displayName) {
        Course course = new Course("course-v1:edX+C" + unique() + "+2026", displayName,
                Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-06-30T17:00:00Z"));
        announce(course, Instant.now());
        awaitCourse(course.key());
        return course;
    }

    void gradingPolicy(Course course, String passingGrade, boolean creditCourse) {
        http.put().uri("/api/courses/{key}/grading-policy", course.key()).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"passing_grade": %s, "credit_course": %s}""".formatted(passingGrade, creditCourse))
                .exchange().expectStatus().isOk();
    }

    void enroll(Learner learner, Course course, String mode) {
        http.post().uri("/api/enrollments").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"username": "%s", "course_key": "%s", "mode": "%s"}"""
                        .formatted(learner.username(), course.key(), mode))
                .exchange().expectStatus().is2xxSuccessful();
    }

    RestTestClient.ResponseSpec putScore(Course course, Learner learner, String usageKey, String body) {
        return http.put().uri("/api/grades/{course}/{user}/subsections/{block}", course.key(), learner.username(),
                        usageKey)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    void score(Course course, Learner learner, String usageKey, int earned, int possible) {
        putScore(course, learner, usageKey, """
                {"earned": %d, "possible": %d}""".formatted(earned, possible)).expectStatus().isOk();
    }

    RestTestClient.ResponseSpec grades(Course course, Learner learner) {
        return http.get().uri("/api/grades/{course}/{user}", course.key(), learner.username()).exchange();
    }

    RestTestClient.ResponseSpec certificates(Learner learner) {
        return http.get().uri("/api/certificates?username={user}", learner.username()).exchange();
    }

    RestTestClient.ResponseSpec invalidate(Course course, Learner learner) {
        return http.post().uri("/api/certificates/{course}/{user}/invalidate", course.key(), learner.username())
                .exchange();
    }

    RestTestClient.ResponseSpec credit(Course course, Learner learner) {
        return http.get().uri("/api/credit/{course}/{user}", course.key(), learner.username()).exchange();
    }

    RestTestClient.ResponseSpec completion(Course course, Learner learner) {
        return http.get().uri("/api/completion/{course}/{user}", course.key(), learner.username()).exchange();
    }

    // ---- what the CMS and edx-exams send

    void announce(Course course, Instant editedAt) {
        announce(new CourseCatalogData(course.key(), course.displayName(),
                new CourseScheduleData(course.start(), CourseScheduleData.INSTRUCTOR_PACED, course.end(),
                        Instant.parse("2025-12-01T00:00:00Z"), null), false, false), editedAt);
    }

    void announce(CourseCatalogData catalog, Instant editedAt) {
        send(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED, new CatalogInfoChangedEvent(catalog), UUID.randomUUID(),
                editedAt, "cms");
    }

    void awaitCourse(String courseKey) {
        await().atMost(EVENTUALLY).until(() -> http.get().uri("/api/courses/{key}", courseKey).exchange()
                .returnResult(String.class).getStatus().value() == 200);
    }

    /** An exam attempt event as edx-exams sends it; the learner is the one the LMS knows, by LMS user id. */
    UUID exam(EventType<ExamAttemptEvent> type, Learner learner, Course course, String usageKey, Instant time) {
        UUID id = UUID.randomUUID();
        exam(type, learner.toUserData(), course.key(), usageKey, time, id);
        return id;
    }

    void exam(EventType<ExamAttemptEvent> type, UserData student, String courseKey, String usageKey, Instant time,
              UUID id) {
        exam(new ExamEvent(type, student, courseKey, usageKey, time, id));
    }

    /** An exam attempt event as edx-exams sends it. */
    record ExamEvent(EventType<ExamAttemptEvent> type, UserData student, String courseKey, String usageKey,
                     Instant time, UUID id) {

        ExamAttemptEvent payload() {
            UserData requester = type == OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED ? student : null;
            return new ExamAttemptEvent(new ExamAttemptData(student, courseKey, usageKey, "proctored", requester));
        }
    }

    void exam(ExamEvent event) {
        send(event.type(), event.payload(), event.id(), event.time(), "exams");
    }

    /**
     * Sends the events in one go, each keyed by its course as edx-exams keys them, so that the LMS most likely
     * consumes those of a course in one poll.
     */
    void examsTogether(List<ExamEvent> events) {
        // every exam attempt event travels on the one exam attempt lifecycle topic
        kafka.sendTogether(topics.topicOf(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED), events.stream()
                .map(event -> new KafkaTestClient.Outgoing(event.type().keyOf(event.payload()),
                        EventJson.write(event.payload()), headers(event.type(), event.id(), event.time(), "exams")))
                .toList());
    }

    /** What credentials announces of a learner's program certificate. */
    UUID programCertificate(EventType<org.openedx.suite.contracts.ProgramCertificateEvent> type,
                            org.openedx.suite.contracts.ProgramCertificateData certificate, Instant time) {
        UUID id = UUID.randomUUID();
        send(type, new org.openedx.suite.contracts.ProgramCertificateEvent(certificate), id, time, "credentials");
        return id;
    }

    private <T> void send(EventType<T> type, T payload, UUID id, Instant time, String service) {
        kafka.send(topics.topicOf(type), type.keyOf(payload), EventJson.write(payload),
                headers(type, id, time, service));
    }

    private static Map<String, String> headers(EventType<?> type, UUID id, Instant time, String service) {
        return EventMetadata.of(id, type.name(), service, time, "test-host").toHeaders();
    }

    /**
     * A course key whose messages share a partition with the given one's, so that they are consumed after them.
     *
     * @param partitions how many partitions the service created its topics with
     */
    String courseKeyOnSamePartitionAs(String courseKey, int partitions) {
        int partition = partitionOf(courseKey, partitions);
        while (true) {
            String candidate = "course-v1:edX+P" + unique() + "+2026";
            if (partitionOf(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    /** Kafka's default partitioner for keyed records. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    // ---- what the LMS announces

    record Published<T>(String type, String key, Map<String, String> headers, T data) {
    }

    List<Published<CertificateData>> certificateEvents(Course course) {
        return published(topics.topicOf(OpenEdxEvents.CERTIFICATE_CREATED), course,
                value -> EventJson.read(value, CertificateEvent.class).certificate());
    }

    List<Published<CoursePassingStatusData>> passingEvents(Course course) {
        return published(topics.topicOf(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED), course,
                value -> EventJson.read(value, CoursePassingStatusEvent.class).coursePassingStatus());
    }

    /** Waits until the course has at least {@code count} certificate events and returns all of them. */
    List<Published<CertificateData>> awaitCertificateEvents(Course course, int count) {
        return await().atMost(EVENTUALLY).until(() -> certificateEvents(course), events -> events.size() >= count);
    }

    List<Published<CoursePassingStatusData>> awaitPassingEvents(Course course, int count) {
        return await().atMost(EVENTUALLY).until(() -> passingEvents(course), events -> events.size() >= count);
    }

    /** A tracking log as the LMS put it on {@code analytics}: data and context read back from their JSON. */
    record Tracked(String name, String key, Instant time, Map<String, String> headers, JsonNode data,
                   JsonNode context) {
    }

    /** The tracking logs on the topic whose data name the course, in the order the topic holds a name's logs. */
    List<Tracked> trackingLogs(Course course) {
        return kafka.readAll(topics.topicOf(OpenEdxEvents.TRACKING_EVENT_EMITTED)).stream()
                .map(m -> {
                    var log = EventJson.read(m.value().getBytes(StandardCharsets.UTF_8),
                            org.openedx.suite.contracts.TrackingEvent.class).trackingLog();
                    return new Tracked(log.name(), m.key(), EventTimes.parse(log.timestamp()), m.headers(),
                            json(log.data()), json(log.context()));
                })
                .filter(log -> course.key().equals(log.data().path("course_id").asString()))
                .toList();
    }

    List<Message> deadLetters(EventType<?> type, String key) {
        return kafka.readAll(topics.deadLetterTopicOf(topics.topicOf(type))).stream()
                .filter(m -> key.equals(m.key())).toList();
    }

    private <T> List<Published<T>> published(String topic, Course course, Function<byte[], T> read) {
        return kafka.readAll(topic).stream()
                .filter(m -> course.key().equals(m.key()))
                .map(m -> new Published<>(m.header(EventMetadata.TYPE), m.key(), m.headers(),
                        read.apply(m.value().getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
