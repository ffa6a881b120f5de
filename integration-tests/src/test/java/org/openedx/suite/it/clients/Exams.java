package org.openedx.suite.it.clients;

import java.util.Map;

import org.openedx.suite.it.support.Http;

/** exams-service as course staff, learners and reviewers use it. */
public record Exams(String baseUrl) {

    public long createProctoredExam(String courseKey, String usageKey, String name) {
        return Clients.expect(201, Http.post(baseUrl + "/api/exams", Map.of("course_key", courseKey,
                "usage_key", usageKey, "exam_type", "proctored", "name", name, "time_limit_mins", 60)))
                .json().path("id").asLong();
    }

    public long startAttempt(long examId, long userId, String username) {
        return Clients.expect(201, Http.post(baseUrl + "/api/exams/" + examId + "/attempts",
                Map.of("user", user(userId, username)))).json().path("id").asLong();
    }

    /** {@code submit}, {@code verify}, {@code reject} or {@code error}; returns the new status. */
    public String act(long attemptId, String action) {
        return Clients.expect(200, Http.put(baseUrl + "/api/attempts/" + attemptId, Map.of("action", action)))
                .json().path("status").asString();
    }

    public void reset(long attemptId, long instructorId, String instructor) {
        Clients.expect(204, Http.delete(baseUrl + "/api/attempts/" + attemptId,
                Map.of("requesting_user", user(instructorId, instructor))));
    }

    private static Map<String, Object> user(long id, String username) {
        return Map.of("id", id, "username", username, "email", username + "@example.org",
                "name", "Learner " + username);
    }
}
