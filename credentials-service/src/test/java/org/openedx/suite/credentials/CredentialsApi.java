package org.openedx.suite.credentials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.testsupport.OperatorEndpoints;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The service's REST API as its clients see it. */
public final class CredentialsApi {

    private final RestTestClient client;

    CredentialsApi(RestTestClient client) {
        this.client = client;
    }

    /** Any GET, for the tests that look at the response as it is. */
    public RestTestClient.ResponseSpec get(String uri, Object... uriVariables) {
        return client.get().uri(uri, uriVariables).exchange();
    }

    /** A GET with another token than the operator's (a learner's, a course staff member's, a client's). */
    public RestTestClient.ResponseSpec getWithToken(String token, String uri, Object... uriVariables) {
        return client.get().uri(uri, uriVariables).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    /** A GET as the operator, for the operator endpoints under {@code /actuator}. */
    public RestTestClient.ResponseSpec getAsOperator(String uri) {
        return client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, OperatorEndpoints.operator()).exchange();
    }

    /** The operator endpoints are the operator's alone (ADR 7). */
    public void checkOperatorEndpointsGuarded() {
        OperatorEndpoints.checkGuarded(client, true);
    }

    public List<Credential> credentialsOf(String username) {
        return client.get().uri("/api/credentials?username={username}", username).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Credential>>() { })
                .returnResult().getResponseBody();
    }

    public Credential credential(UUID uuid) {
        return client.get().uri("/api/credentials/{uuid}", uuid).exchange()
                .expectStatus().isOk()
                .expectBody(Credential.class)
                .returnResult().getResponseBody();
    }

    public Learner learner(String username) {
        return client.get().uri("/api/learners/{username}", username).exchange()
                .expectStatus().isOk()
                .expectBody(Learner.class)
                .returnResult().getResponseBody();
    }

    public boolean knowsLearner(String username) {
        return client.get().uri("/api/learners/{username}", username).exchange()
                .returnResult().getStatus().value() != HttpStatus.NOT_FOUND.value();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Credential(UUID uuid, String username, String courseKey, String certificateType, String status,
                             Instant modified) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Learner(String username, long userId, String email, String name, Instant modified) {
    }
}
