package org.openedx.suite.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every service's operator endpoints promise (ADR 7), checked against a running service with tokens of the
 * JVM's {@link TestIssuer}: the dead letters and the health details are the operator's; the bare health status is for
 * anyone (orchestrators probe it); a missing, expired, foreign or mis-addressed token is refused with 401, a learner's
 * with 403, both as problem+json.
 */
public final class OperatorEndpoints {

    private OperatorEndpoints() {
    }

    /**
     * @param hasDeadLetters whether the service exposes {@code /actuator/deadletters} (exams-service, which consumes
     *                       nothing, does not)
     */
    public static void checkGuarded(RestTestClient http, boolean hasDeadLetters) {
        refused(http, null, 401);
        refused(http, TestIssuer.expiredOperatorToken(), 401);
        refused(http, TestIssuer.operatorTokenSignedByAnotherKey(), 401);
        refused(http, TestIssuer.operatorTokenFor("another-audience"), 401);
        refused(http, TestIssuer.learnerToken(7, "ada"), 403);
        // path parameters do not take an operator endpoint out of the operator's hands (the firewall lets ';' through)
        for (String path : new String[] {"/actuator;x=1/deadletters", "/actuator/deadletters;x=1", "/actuator/metrics;"}) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS).exchange()
                    .expectStatus().isUnauthorized();
        }

        http.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, bearer(TestIssuer.operatorToken()))
                .exchange().expectStatus().isOk();
        if (hasDeadLetters) {
            http.get().uri("/actuator/deadletters")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TestIssuer.operatorToken()))
                    .exchange().expectStatus().isOk();
            http.post().uri("/actuator/deadletters/987654321")
                    .header(HttpHeaders.AUTHORIZATION, bearer(TestIssuer.operatorToken()))
                    .exchange().expectStatus().isNotFound();
        }
        http.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        http.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, bearer(TestIssuer.operatorToken()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.eventBus.details").exists();
    }

    /** The operator's {@code Authorization} header value. */
    public static String operator() {
        return bearer(TestIssuer.operatorToken());
    }

    private static void refused(RestTestClient http, String token, int status) {
        for (String path : new String[] {"/actuator/deadletters", "/actuator/metrics"}) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization(token)).exchange().expectStatus().isEqualTo(status)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(status);
        }
        http.post().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, authorization(token)).exchange()
                .expectStatus().isEqualTo(status);
    }

    /** A null token: none at all. */
    private static String authorization(String token) {
        return token == null ? DefaultToken.ANONYMOUS : bearer(token);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
