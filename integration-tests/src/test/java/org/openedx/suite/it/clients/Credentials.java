package org.openedx.suite.it.clients;

import java.util.Optional;

import org.openedx.suite.it.support.Http;
import tools.jackson.databind.JsonNode;

/** credentials-service as a learner's records page uses it. */
public record Credentials(String baseUrl) {

    public Optional<JsonNode> credential(String username, String courseKey) {
        for (JsonNode credential : Clients.expect(200, Http.get(baseUrl + "/api/credentials?username=" + username))
                .json()) {
            if (courseKey.equals(credential.path("course_key").asString())) {
                return Optional.of(credential);
            }
        }
        return Optional.empty();
    }

    public Optional<String> status(String username, String courseKey) {
        return credential(username, courseKey).map(c -> c.path("status").asString());
    }
}
