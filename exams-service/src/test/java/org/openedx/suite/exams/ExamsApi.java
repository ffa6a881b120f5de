package org.openedx.suite.exams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openedx.suite.testsupport.DefaultToken;
import org.openedx.suite.testsupport.OperatorEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The exams-service REST API as its clients (the LMS, proctoring tools, instructors' dashboards) call it. */
public final class ExamsApi {

    private final RestTestClient http;

    public ExamsApi(RestTestClient http) {
        this.http = http;
    }

    /** The same API called with another token (a learner's, a course staff member's, a client's). */
    public ExamsApi as(String token) {
        return new ExamsApi(http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    /** A course run no other test uses, so that tests never see each other's exams, attempts or events. */
    public static String newCourseKey() {
        return "course-v1:edX+E" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
    }

    /** A subsection of the course run, e.g. {@code block-v1:edX+E1a2b3c4d+2026+type@sequential+block@final}. */
    public static String usageKeyIn(String courseKey, String block) {
        return courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@" + block;
    }

    public static String learner(long id, String username) {
        return """
                {"id": %d, "username": "%s", "email": "%s@example.com", "name": "Learner %s"}"""
                .formatted(id, username, username, username);
    }

    /** A user id no other test uses. */
    public static long newUserId() {
        return Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L) + 1;
    }

    public JsonNode createExam(String courseKey, String usageKey, String examType) {
        return created(postExam("""
                {"course_key": "%s", "usage_key": "%s", "exam_type": "%s", "name": "Final exam", "time_limit_mins": 90}
                """.formatted(courseKey, usageKey, examType)));
    }

    /** A new exam of that type in a new course run. */
    public JsonNode newExam(String examType) {
        String courseKey = newCourseKey();
        return createExam(courseKey, usageKeyIn(courseKey, "exam"), examType);
    }

    public RestTestClient.ResponseSpec postExam(String json) {
        return http.post().uri("/api/exams").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    public RestTestClient.ResponseSpec getExam(long examId) {
        return http.get().uri("/api/exams/{id}", examId).exchange();
    }

    public List<JsonNode> examsOf(String courseKey) {
        return list(http.get().uri("/api/exams?course_key={key}", courseKey).exchange());
    }

    public JsonNode startAttempt(long examId, long userId, String username) {
        return created(postAttempt(examId, """
                {"user": %s}""".formatted(learner(userId, username))));
    }

    /** A null body sends none. */
    public RestTestClient.ResponseSpec postAttempt(long examId, String json) {
        var request = http.post().uri("/api/exams/{id}/attempts", examId).contentType(MediaType.APPLICATION_JSON);
        return json == null ? request.exchange() : request.body(json).exchange();
    }

    /** {@code PUT /api/attempts/{id}} with {@code {"action": action}}. */
    public RestTestClient.ResponseSpec act(long attemptId, String action) {
        return putAttempt(attemptId, """
                {"action": "%s"}""".formatted(action));
    }

    /** Performs the action, which must succeed, and returns the changed attempt. */
    public JsonNode perform(long attemptId, String action) {
        return ok(act(attemptId, action));
    }

    /** A null body sends none. */
    public RestTestClient.ResponseSpec putAttempt(long attemptId, String json) {
        var request = http.put().uri("/api/attempts/{id}", attemptId).contentType(MediaType.APPLICATION_JSON);
        return json == null ? request.exchange() : request.body(json).exchange();
    }

    /** {@code DELETE /api/attempts/{id}} by the instructor. */
    public RestTestClient.ResponseSpec reset(long attemptId, long instructorId, String instructorUsername) {
        return deleteAttempt(attemptId, """
                {"requesting_user": %s}""".formatted(learner(instructorId, instructorUsername)));
    }

    /** A null body sends none. */
    public RestTestClient.ResponseSpec deleteAttempt(long attemptId, String json) {
        var request = http.method(HttpMethod.DELETE).uri("/api/attempts/{id}", attemptId)
                .contentType(MediaType.APPLICATION_JSON);
        return json == null ? request.exchange() : request.body(json).exchange();
    }

    public RestTestClient.ResponseSpec getAttempt(long attemptId) {
        return http.get().uri("/api/attempts/{id}", attemptId).exchange();
    }

    public JsonNode attempt(long attemptId) {
        return ok(getAttempt(attemptId));
    }

    /** {@code GET /api/attempts}, filtered by the username and course key that are not null. */
    public List<JsonNode> attempts(String username, String courseKey) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (username != null) {
            filters.put("username", username);
        }
        if (courseKey != null) {
            filters.put("course_key", courseKey);
        }
        // as template variables the values are encoded whole: a key's '+' must not arrive as a space
        String query = filters.keySet().stream().map(name -> name + "={" + name + "}")
                .collect(Collectors.joining("&", "?", ""));
        return list(http.get().uri("/api/attempts" + query, filters).exchange());
    }

    public RestTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).exchange();
    }

    /** A GET without any token. */
    public RestTestClient.ResponseSpec getAnonymously(String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS).exchange();
    }

    /** A GET as the operator, for the operator endpoints under {@code /actuator}. */
    public RestTestClient.ResponseSpec getAsOperator(String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, OperatorEndpoints.operator()).exchange();
    }

    /** The operator endpoints are the operator's alone (ADR 7). */
    public void checkOperatorEndpointsGuarded() {
        OperatorEndpoints.checkGuarded(http, false);
    }

    public static JsonNode created(RestTestClient.ResponseSpec response) {
        return body(response, HttpStatus.CREATED);
    }

    public static JsonNode ok(RestTestClient.ResponseSpec response) {
        return body(response, HttpStatus.OK);
    }

    /** The problem+json of a refused request, after checking its status. */
    public static JsonNode problem(RestTestClient.ResponseSpec response, HttpStatus status) {
        JsonNode problem = body(response, status);
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        return problem;
    }

    private static List<JsonNode> list(RestTestClient.ResponseSpec response) {
        JsonNode array = ok(response);
        assertThat(array.isArray()).as("a JSON array: %s", array).isTrue();
        return array.valueStream().toList();
    }

    private static JsonNode body(RestTestClient.ResponseSpec response, HttpStatus status) {
        var result = response.returnResult(JsonNode.class);
        assertThat(result.getStatus()).as("status of %s %s: %s", result.getMethod(), result.getUrl(),
                result.getResponseBody()).isEqualTo(status);
        if (status.isError()) {
            assertThat(result.getResponseHeaders().getContentType())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return result.getResponseBody();
    }
}
