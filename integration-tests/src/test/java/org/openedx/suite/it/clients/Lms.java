package org.openedx.suite.it.clients;

import java.util.Map;
import java.util.Optional;

import org.openedx.suite.it.support.Http;
import tools.jackson.databind.JsonNode;

/** lms-service as learners and staff use it. */
public record Lms(String baseUrl) {

    /** Creates a learner and returns the LMS user id. */
    public long createUser(String username) {
        return Clients.expect(201, Http.post(baseUrl + "/api/users",
                Map.of("username", username, "email", username + "@example.org", "name", "Learner " + username)))
                .json().path("id").asLong();
    }

    /** An operator's webhook subscription; returns its id. */
    public long subscribeWebhook(String url, String secret, String... eventTypes) {
        return Clients.expect(201, Http.post(baseUrl + "/api/webhooks",
                Map.of("event_types", java.util.List.of(eventTypes), "url", url, "secret", secret)))
                .json().path("id").asLong();
    }

    /** The run's certificate provider (its staff's setting). */
    public void certificateProvider(String courseKey, String url, String templateId, String... modes) {
        Clients.ok(Http.put(baseUrl + "/api/courses/" + courseKey + "/certificate-provider",
                Map.of("url", url, "template_id", templateId, "modes", java.util.List.of(modes))));
    }

    public Optional<JsonNode> course(String courseKey) {
        var response = Http.get(baseUrl + "/api/courses/" + courseKey);
        return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
    }

    public void gradingPolicy(String courseKey, double passingGrade, boolean creditCourse) {
        Clients.ok(Http.put(baseUrl + "/api/courses/" + courseKey + "/grading-policy",
                Map.of("passing_grade", passingGrade, "credit_course", creditCourse)));
    }

    public void enroll(String username, String courseKey, String mode) {
        Clients.ok(Http.post(baseUrl + "/api/enrollments",
                Map.of("username", username, "course_key", courseKey, "mode", mode)));
    }

    public void grade(String courseKey, String username, String usageKey, double earned, double possible) {
        Clients.ok(Http.put(baseUrl + "/api/grades/" + courseKey + "/" + username + "/subsections/" + usageKey,
                Map.of("earned", earned, "possible", possible)));
    }

    public JsonNode gradeOf(String courseKey, String username) {
        return Clients.expect(200, Http.get(baseUrl + "/api/grades/" + courseKey + "/" + username)).json();
    }

    public Optional<JsonNode> subsection(String courseKey, String username, String usageKey) {
        for (JsonNode subsection : gradeOf(courseKey, username).path("subsections")) {
            if (usageKey.equals(subsection.path("usage_key").asString())) {
                return Optional.of(subsection);
            }
        }
        return Optional.empty();
    }

    public Optional<JsonNode> certificate(String username, String courseKey) {
        for (JsonNode certificate : Clients.expect(200, Http.get(baseUrl + "/api/certificates?username=" + username))
                .json()) {
            if (courseKey.equals(certificate.path("course_key").asString())) {
                return Optional.of(certificate);
            }
        }
        return Optional.empty();
    }

    public Optional<String> certificateStatus(String username, String courseKey) {
        return certificate(username, courseKey).map(c -> c.path("status").asString());
    }

    public void invalidateCertificate(String courseKey, String username) {
        Clients.expect(200, Http.post(baseUrl + "/api/certificates/" + courseKey + "/" + username + "/invalidate",
                Map.of()));
    }

    public Optional<String> creditStatus(String courseKey, String username, String usageKey) {
        for (JsonNode requirement : Clients.expect(200, Http.get(baseUrl + "/api/credit/" + courseKey + "/" + username))
                .json()) {
            if (usageKey.equals(requirement.path("name").asString())) {
                return Optional.of(requirement.path("status").asString());
            }
        }
        return Optional.empty();
    }

    public Optional<Double> completion(String courseKey, String username, String usageKey) {
        for (JsonNode block : Clients.expect(200, Http.get(baseUrl + "/api/completion/" + courseKey + "/" + username))
                .json()) {
            if (usageKey.equals(block.path("usage_key").asString())) {
                return Optional.of(block.path("completion").asDouble());
            }
        }
        return Optional.empty();
    }
}
