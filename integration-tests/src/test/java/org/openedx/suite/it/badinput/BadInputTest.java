package org.openedx.suite.it.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openedx.suite.it.badinput.RawHttp.Answer;
import org.openedx.suite.it.badinput.WrittenState.Snapshot;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Issue #6, bad input: every REST endpoint of every service, sent requests malformed in every way a client gets them
 * wrong, answers each with a 4xx {@code application/problem+json} that names the offending field, never a 5xx or a
 * 2xx, and nothing is written to any database or published to any topic.
 *
 * <p>Each malformed request is its own test, named by service, endpoint and what is wrong with it. After each, the
 * database of the service it went to must be unchanged, row for row; after all of them, every database and every topic
 * must be as they were once the fixture had settled.
 */
class BadInputTest {

    private static final Duration SETTLING = Duration.ofSeconds(90);

    private static final RawHttp HTTP = new RawHttp();
    private static final BadInputReport REPORT = new BadInputReport();
    private static final Map<SuiteService, Map<String, Set<String>>> ROWS_BEFORE = new EnumMap<>(SuiteService.class);

    private static Suite suite;
    private static Fixture fixture;
    private static Keys keys;
    private static WrittenState written;
    private static Snapshot settledFixture;

    @BeforeAll
    static void a_suite_with_a_course_a_learner_and_an_exam_attempt_whose_events_have_settled() {
        suite = RunningSuite.with(SuiteService.values());
        keys = new Keys();
        fixture = Fixture.create(suite, keys);
        written = new WrittenState(suite);
        settledFixture = written.settled(SETTLING);
        for (SuiteService service : SuiteService.values()) {
            ROWS_BEFORE.put(service, written.rowsOf(service));
        }
    }

    @AfterAll
    static void close() {
        if (written != null) {
            written.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> every_endpoint_refuses_malformed_requests_with_a_problem_and_changes_nothing() {
        List<Endpoint> endpoints = sweep();
        Stream<DynamicNode> services = Stream.of(SuiteService.values()).map(service -> dynamicContainer(
                service.module(), endpoints.stream()
                        .filter(endpoint -> endpoint.service() == service)
                        .map(endpoint -> dynamicContainer(endpoint.name(), endpoint.cases().stream()
                                .map(request -> dynamicTest(request.label(), () -> refused(request)))))));
        return Stream.concat(services, Stream.of(dynamicTest(
                "nothing was written to any database or published to any topic", BadInputTest::nothingWritten)));
    }

    /**
     * The endpoint lists are written by hand, so a new operation could escape the sweep: each service's OpenAPI
     * description must list exactly the endpoints swept for it, beside the operator's {@code /actuator/deadletters},
     * which actuator serves outside the API description. The other way round matters too: an endpoint renamed in the
     * service but not in the sweep would answer every case 404, which the sweep takes for a refusal.
     */
    @Test
    void the_sweep_covers_every_operation_each_service_documents_and_no_other() {
        Map<SuiteService, Set<String>> swept = new EnumMap<>(SuiteService.class);
        for (Endpoint endpoint : sweep()) {
            if (!endpoint.isActuator()) {
                swept.computeIfAbsent(endpoint.service(), service -> new TreeSet<>())
                        .add(ApiOperations.normalised(endpoint.name()));
            }
        }

        SoftAssertions softly = new SoftAssertions();
        for (SuiteService service : SuiteService.values()) {
            Set<String> documented = ApiOperations.documented(suite.service(service).baseUrl());
            Set<String> covered = swept.getOrDefault(service, Set.of());
            softly.assertThat(documented).as("%s's /v3/api-docs lists operations", service.module()).isNotEmpty();
            softly.assertThat(without(documented, covered))
                    .as("operations in %s's /v3/api-docs that the sweep sends no malformed request to (add them to "
                            + "its *Requests class)", service.module())
                    .isEmpty();
            softly.assertThat(without(covered, documented))
                    .as("endpoints swept for %s that its /v3/api-docs does not list", service.module())
                    .isEmpty();
        }
        softly.assertAll();
    }

    /** Every endpoint with its malformed requests, by service, and the operator's dead-letter endpoints. */
    private static List<Endpoint> sweep() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(CmsRequests.endpoints(fixture, keys));
        endpoints.addAll(DiscoveryRequests.endpoints(fixture, keys));
        endpoints.addAll(LmsRequests.endpoints(fixture, keys));
        endpoints.addAll(ExamsRequests.endpoints(fixture, keys));
        endpoints.addAll(CredentialsRequests.endpoints(fixture));
        endpoints.addAll(InsightsRequests.endpoints(fixture, keys));
        endpoints.addAll(OperatorRequests.endpoints(suite));
        return endpoints;
    }

    private static Set<String> without(Set<String> all, Set<String> removed) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    private static void refused(BadRequest request) {
        Answer answer;
        try {
            answer = HTTP.send(suite.service(request.service()).baseUrl(), request);
        } catch (RuntimeException noAnswer) {
            REPORT.record(request, -1, "no answer: " + noAnswer.getCause());
            REPORT.finding(request, "no answer: " + noAnswer.getCause(), "- the service did not answer");
            throw noAnswer;
        }
        Map<String, Set<String>> rowsAfter = written.rowsOf(request.service());
        String rowsWritten = new Snapshot(rowsAfter, Map.of())
                .differencesSince(new Snapshot(ROWS_BEFORE.put(request.service(), rowsAfter), Map.of()));
        REPORT.record(request, answer.status(), answer.describe());

        // the case's name too: build tools that report dynamic tests by index would otherwise lose it
        String exchange = "\ncase:     " + request.service().module() + " " + request.endpoint() + ": "
                + request.label() + "\nrequest:  " + request.describe() + "\nresponse: " + answer.describe();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(answer.status()).as("a 4xx status%s", exchange).isBetween(400, 499);
        if (request.expectedStatus() != BadRequest.ANY_4XX) {
            softly.assertThat(answer.status()).as("the status%s", exchange).isEqualTo(request.expectedStatus());
        }
        softly.assertThat(answer.contentType()).as("the content type%s", exchange)
                .startsWith("application/problem+json");
        if (answer.contentType().startsWith("application/problem+json") && answer.json() != null) {
            JsonNode status = answer.json().path("status");
            softly.assertThat(status.isNumber() ? status.asInt() : null).as("the problem's status%s", exchange)
                    .isEqualTo(answer.status());
        }
        if (request.field() != null && answer.status() >= 400 && answer.status() < 500) {
            softly.assertThat(namesField(answer.json(), request.field()))
                    .as("the problem names the field %s%s", request.field(), exchange).isTrue();
        }
        softly.assertThat(rowsWritten).as("what this request wrote to %s%s", request.service().database(), exchange)
                .isEqualTo("nothing");
        try {
            softly.assertAll();
        } catch (RuntimeException | AssertionError failed) {
            REPORT.finding(request, answer.describe(), failed.getMessage());
            throw failed;
        }
    }

    private static void nothingWritten() {
        Snapshot now = written.settled(SETTLING);
        String differences = now.differencesSince(settledFixture);
        REPORT.finish(now.rowsWrittenSince(settledFixture), now.messagesSince(settledFixture), differences);
        assertThat(differences).as("written to the databases and topics by the malformed requests")
                .isEqualTo("nothing");
    }

    /** Whether the problem names the field: in {@code errors[].field} (or a field within it) or in the detail. */
    private static boolean namesField(JsonNode problem, String field) {
        if (problem == null) {
            return false;
        }
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asString();
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return problem.path("detail").asString().contains(field);
    }

}
