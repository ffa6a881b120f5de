package org.openedx.suite.insights.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.insights.InsightsApi;
import org.openedx.suite.insights.InsightsServiceTest;
import org.openedx.suite.insights.Lrs;
import org.openedx.suite.insights.Trackers;
import org.openedx.suite.insights.Trackers.Log;
import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.testsupport.HttpReceiver.Answer;
import org.openedx.suite.testsupport.HttpReceiver.Received;

/** Statements go to the external LRS as durable calls: once each, retried while it fails, a 409 counting as held. */
@InsightsServiceTest
class LrsForwardingTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final InsightsApi api;
    private final Trackers trackers;
    private final LrsForwarding forwarding;
    private final OutboundDeliveries deliveries;
    private final String courseKey = Trackers.newCourseKey();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    LrsForwardingTest(InsightsApi api, Trackers trackers, LrsForwarding forwarding, OutboundDeliveries deliveries) {
        this.api = api;
        this.trackers = trackers;
        this.forwarding = forwarding;
        this.deliveries = deliveries;
    }

    /** The LRS answers each test's scripted answers to its own statement: nothing else is on its way. */
    @BeforeEach
    void nothingPending() {
        await().atMost(EVENTUALLY).until(() -> deliveries.backlog().pending() == 0);
    }

    @Test
    void a_new_statement_is_put_to_the_lrs_with_its_id_the_xapi_version_and_basic_authentication() {
        UUID id = statementOf(Log.of("edx.course.enrollment.activated", now, Trackers.newUserId(), courseKey,
                "mode", "verified"));

        List<Received> puts = await().atMost(EVENTUALLY).until(() -> putsOf(id), list -> !list.isEmpty());
        Received put = puts.get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.header("X-Experience-API-Version")).isEqualTo("1.0.3");
        assertThat(put.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (Lrs.USERNAME + ":" + Lrs.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(put.header("Content-Type")).startsWith("application/json");
        assertThat(InsightsApi.json(put.body())).isEqualTo(statement(id));
        await().atMost(EVENTUALLY).until(() -> status(id).equals("delivered"));
        assertThat(putsOf(id)).hasSize(1);
    }

    @Test
    void an_lrs_that_answers_503_gets_the_statement_again_with_the_same_idempotency_key() {
        Lrs.RECEIVER.answerNext(Lrs.STATEMENTS, Answer.status(503));
        UUID id = statementOf(Log.of("edx.course.grade.now_passed", now, Trackers.newUserId(), courseKey));

        await().atMost(EVENTUALLY).until(() -> status(id).equals("delivered"));
        List<Received> puts = putsOf(id);
        assertThat(puts).extracting(Received::answeredStatus).containsExactly(503, 204);
        assertThat(puts.get(1).header("Idempotency-Key")).isEqualTo(puts.get(0).header("Idempotency-Key"));
    }

    @Test
    void an_lrs_that_already_holds_the_statement_409_counts_as_delivered_and_a_400_as_failed() {
        long failedBefore = deliveries.backlog().failed();
        Lrs.RECEIVER.answerNext(Lrs.STATEMENTS, Answer.json(409, "{\"message\":\"already stored\"}"));
        UUID held = statementOf(Log.of("edx.course.grade.now_failed", now, Trackers.newUserId(), courseKey));
        await().atMost(EVENTUALLY).until(() -> status(held).equals("delivered"));
        assertThat(forwarding.forwarding(held).orElseThrow().httpStatus()).isEqualTo(409);
        assertThat(putsOf(held)).hasSize(1);
        assertThat(deliveries.backlog().failed()).as("the delivery log counts the 409 as delivered too")
                .isEqualTo(failedBefore);

        Lrs.RECEIVER.answerNext(Lrs.STATEMENTS, Answer.json(400, "{\"message\":\"bad statement\"}"));
        UUID refused = statementOf(Log.of("edx.course.grade.now_passed", now, Trackers.newUserId(), courseKey));
        await().atMost(EVENTUALLY).until(() -> status(refused).equals("failed"));
        assertThat(forwarding.forwarding(refused).orElseThrow().reason()).contains("400");
        assertThat(putsOf(refused)).hasSize(1);
        assertThat(deliveries.backlog().failed()).isEqualTo(failedBefore + 1);
    }

    /** Sends the log and returns the id of the statement insights made of it. */
    private UUID statementOf(Log log) {
        long before = api.statementCount(courseKey);
        trackers.send(log);
        await().atMost(EVENTUALLY).until(() -> api.statementCount(courseKey), n -> n == before + 1);
        return UUID.fromString(api.statements(Map.of("activity", "http://lms.example.com/course/" + courseKey,
                "limit", "1")).at("/statements/0/id").asString());
    }

    private tools.jackson.databind.JsonNode statement(UUID id) {
        return InsightsApi.json(api.xapi(Map.of("statementId", id.toString())).expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    private String status(UUID id) {
        return forwarding.forwarding(id).map(LrsForwarding.Forwarding::status).orElse("none");
    }

    private static List<Received> putsOf(UUID id) {
        return Lrs.RECEIVER.received(Lrs.STATEMENTS).stream()
                .filter(put -> put.body().contains(id.toString()))
                .toList();
    }
}
