package org.openedx.suite.it.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The operator endpoints of every service take the LMS's tokens (ADR 7): the operator's ({@code suite-admin}, client
 * credentials) lists and replays dead letters and sees the health details; a learner's token is refused with 403,
 * no token with 401; the bare health status stays public for probes.
 */
class OperatorEndpointsTest {

    private static Suite suite;
    private static String learnerToken;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.with(SuiteService.values());
        String username = "learner_" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.post(suite.service(SuiteService.LMS).baseUrl() + "/api/users",
                Map.of("username", username, "email", username + "@example.com", "name", "Ada"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        learnerToken = suite.identity().userToken(username);
    }

    @ParameterizedTest
    @EnumSource(SuiteService.class)
    void only_the_operator_reads_dead_letters_metrics_and_health_details(SuiteService service) {
        String base = suite.service(service).baseUrl();

        Http.Response anonymous = Http.getWithToken(base + "/actuator/deadletters", null);
        Http.Response learner = Http.getWithToken(base + "/actuator/metrics", learnerToken);
        // exams-service consumes nothing and has no dead letters; its metrics are the operator's all the same
        String operatorPath = service == SuiteService.EXAMS ? "/actuator/metrics" : "/actuator/deadletters";
        Http.Response operator = Http.get(base + operatorPath);

        assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(learner.status()).as("%s", learner).isEqualTo(403);
        assertThat(learner.contentType()).startsWith("application/problem+json");
        assertThat(operator.status()).as("%s", operator).isEqualTo(200);

        Http.Response publicHealth = Http.getWithToken(base + "/actuator/health", null);
        assertThat(publicHealth.status()).isEqualTo(200);
        assertThat(publicHealth.json().path("status").asString()).isEqualTo("UP");
        assertThat(publicHealth.json().has("components")).as("details for anyone: %s", publicHealth).isFalse();
        assertThat(Http.get(base + "/actuator/health").json().path("components").has("eventBus")).isTrue();
    }
}
