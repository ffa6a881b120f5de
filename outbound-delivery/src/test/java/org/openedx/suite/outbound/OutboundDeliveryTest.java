package org.openedx.suite.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.outbound.OutboundDelivery.Status;
import org.openedx.suite.testsupport.HttpReceiver;
import org.openedx.suite.testsupport.HttpReceiver.Answer;
import org.openedx.suite.testsupport.RealPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Calls to real HTTP servers on loopback (allowed by the URL rule for this test), from a real PostgreSQL log. */
@SpringBootTest(classes = OutboundTestApplication.class, properties = {
        "suite.outbound.allowed-hosts=127.0.0.1",
        "suite.outbound.first-retry=50ms",
        "suite.outbound.max-retry-interval=200ms",
        "suite.outbound.poll-interval=100ms",
        "suite.outbound.connect-timeout=1s",
        "suite.outbound.read-timeout=5s",
        "suite.outbound.lease=10s",
        "suite.outbound.per-destination-concurrency=2",
        "suite.outbound.circuit.open-for=500ms",
        "suite.outbound.circuit.minimum-calls=20",
        "suite.outbound.circuit.window=20"})
class OutboundDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = RealPostgres.newDatabase("outbound");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> RealPostgres.USER);
        registry.add("spring.datasource.password", () -> RealPostgres.PASSWORD);
    }

    @Autowired
    OutboundDeliveries deliveries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboundWorker worker;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    HttpReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = HttpReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aCallWrittenInACommittedTransactionIsMadeOnceWithItsIdempotencyKeyAndThePurposesHeaders() {
        receiver.answerNext("/hook", Answer.json(200, "{\"ok\":true}"));
        UUID id = enqueue("ref-1", "key", "/hook", "{\"n\":1}");

        Status status = awaitSettled(id);

        assertThat(status).isEqualTo(Status.DELIVERED);
        HttpReceiver.Received request = receiver.received("/hook").get(0);
        assertThat(receiver.received("/hook")).hasSize(1);
        assertThat(request.header("Idempotency-Key")).isEqualTo(id.toString());
        assertThat(request.header("X-Reference")).isEqualTo("ref-1");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo("{\"n\":1}");
        assertThat(outcomes(id)).containsExactly("delivered:{\"ok\":true}");
        assertThat(deliveries.attempts(id)).singleElement().satisfies(attempt -> {
            assertThat(attempt.httpStatus()).isEqualTo(200);
            assertThat(attempt.outcome()).isEqualTo("delivered");
        });
    }

    @Test
    void aCallOfARolledBackTransactionIsNeverMade() {
        UUID[] id = new UUID[1];
        transactions.executeWithoutResult(tx -> {
            id[0] = deliveries.enqueue(request("ref", "key", "/rolled-back", "{}"));
            tx.setRollbackOnly();
        });
        UUID marker = enqueue("ref", "key", "/after", "{}");
        awaitSettled(marker);

        assertThat(deliveries.find(id[0])).isEmpty();
        assertThat(receiver.received("/rolled-back")).isEmpty();
    }

    @Test
    void aCallOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> deliveries.enqueue(request("ref", "key", "/x", "{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void aReceiverThatIsDownIsCalledAgainUntilItAnswersThenOnceOnly() {
        receiver.down();
        UUID id = enqueue("ref", "key", "/hook", "{}");
        await().atMost(PATIENCE).until(() -> deliveries.attempts(id).size() >= 3);
        receiver.up();

        assertThat(awaitSettled(id)).isEqualTo(Status.DELIVERED);
        assertThat(receiver.received("/hook")).hasSize(1);
        List<DeliveryAttempt> attempts = deliveries.attempts(id);
        assertThat(attempts.subList(0, attempts.size() - 1)).allSatisfy(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("retry");
            assertThat(attempt.httpStatus()).isNull();
            assertThat(attempt.error()).isNotBlank();
        });
        assertThat(attempts.get(attempts.size() - 1).outcome()).isEqualTo("delivered");
    }

    @Test
    void fiveHundredsTimeoutsAnd429AreRetriedWithTheSameIdempotencyKey() {
        receiver.answerNext("/flaky", Answer.status(503), Answer.status(429).withHeader("Retry-After", "0"),
                Answer.status(408), Answer.status(500), Answer.status(201));
        UUID id = enqueue("ref", "key", "/flaky", "{}");

        assertThat(awaitSettled(id)).isEqualTo(Status.DELIVERED);
        assertThat(deliveries.attempts(id)).extracting(DeliveryAttempt::httpStatus)
                .containsExactly(503, 429, 408, 500, 201);
        assertThat(receiver.received("/flaky")).extracting(r -> r.header("Idempotency-Key"))
                .containsOnly(id.toString());
    }

    @Test
    void aRefusalFailsTheCallForGoodWithTheAnswerKept() {
        receiver.answerNext("/gone", Answer.json(410, "{\"detail\":\"subscription gone\"}"));
        UUID id = enqueue("ref", "key", "/gone", "{}");

        assertThat(awaitSettled(id)).isEqualTo(Status.FAILED);
        OutboundDelivery delivery = deliveries.find(id).orElseThrow();
        assertThat(delivery.lastStatus()).isEqualTo(410);
        assertThat(delivery.responseBody()).contains("subscription gone");
        assertThat(outcomes(id)).containsExactly("failed:answered 410");
        assertThat(receiver.received("/gone")).hasSize(1);
    }

    @Test
    void aFailedCallCanBeSentAgainByHandWithTheSameKey() {
        receiver.answerNext("/unprocessable", Answer.status(422));
        UUID id = enqueue("ref", "key", "/unprocessable", "{}");
        assertThat(awaitSettled(id)).isEqualTo(Status.FAILED);

        assertThat(deliveries.redeliver(id)).isTrue();

        await().atMost(PATIENCE).until(() -> deliveries.find(id).orElseThrow().status() == Status.DELIVERED);
        assertThat(receiver.received("/unprocessable")).extracting(r -> r.header("Idempotency-Key"))
                .containsExactly(id.toString(), id.toString());
        assertThat(deliveries.redeliver(UUID.randomUUID())).isFalse();
    }

    @Test
    void aKeysCallsArriveInOrderEvenWhenTheFirstNeedsRetries() {
        receiver.answerNext("/ordered", Answer.status(500), Answer.status(500));
        List<UUID> ids = transactions.execute(tx -> List.of(
                deliveries.enqueue(request("ref", "course-1", "/ordered", "{\"n\":1}")),
                deliveries.enqueue(request("ref", "course-1", "/ordered", "{\"n\":2}")),
                deliveries.enqueue(request("ref", "course-1", "/ordered", "{\"n\":3}"))));
        ids.forEach(this::awaitSettled);

        assertThat(receiver.received("/ordered")).extracting(HttpReceiver.Received::body)
                .containsExactly("{\"n\":1}", "{\"n\":1}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void aSlowReceiverHoldsUpOnlyItsOwnCalls() {
        try (HttpReceiver fast = HttpReceiver.start()) {
            receiver.answerAlways("/slow", Answer.status(204).after(Duration.ofSeconds(3)));
            List<UUID> slow = transactions.execute(tx -> List.of(
                    deliveries.enqueue(request("ref", "a", "/slow", "{}")),
                    deliveries.enqueue(request("ref", "b", "/slow", "{}")),
                    deliveries.enqueue(request("ref", "c", "/slow", "{}")),
                    deliveries.enqueue(request("ref", "d", "/slow", "{}"))));
            await().atMost(PATIENCE).until(() -> receiver.received("/slow").size() == 2);
            UUID quick = transactions.execute(tx -> deliveries.enqueue(
                    OutboundRequest.post(OutboundTestApplication.PURPOSE, "ref", "e", fast.url("/fast"), "{}")));

            assertThat(awaitSettled(quick)).isEqualTo(Status.DELIVERED);
            // the slow destination's limit (2 at once) still holds its other two calls back
            assertThat(receiver.received("/slow")).hasSize(2);
            slow.forEach(id -> assertThat(awaitSettled(id)).isEqualTo(Status.DELIVERED));
        }
    }

    @Test
    void aDestinationThatKeepsFailingHasItsCircuitOpenedAndTriedAgainLater() {
        receiver.answerAlways("/down", Answer.status(503));
        UUID id = enqueue("ref", "key", "/down", "{}");
        String destination = OutboundRequest.destinationOf(receiver.url("/down"));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> "OPEN".equals(worker.circuitStates().get(destination)));
        receiver.answerAlways("/down", Answer.status(204));

        assertThat(awaitSettled(id)).isEqualTo(Status.DELIVERED);
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(worker.circuitStates().get(destination)));
    }

    @Test
    void aUrlTheRuleRefusesIsNeverCalled() {
        UUID id = transactions.execute(tx -> deliveries.enqueue(OutboundRequest.post(
                OutboundTestApplication.PURPOSE, "ref", "key", URI.create("http://10.255.255.1/hook"), "{}")));

        assertThat(awaitSettled(id)).isEqualTo(Status.FAILED);
        assertThat(deliveries.find(id).orElseThrow().lastError()).contains("must use https");
    }

    @Test
    void theBacklogCountsPendingAndFailedCalls() {
        receiver.answerNext("/refused", Answer.status(400));
        UUID failed = enqueue("ref", "key", "/refused", "{}");
        awaitSettled(failed);

        OutboundDeliveries.Backlog backlog = deliveries.backlog();

        assertThat(backlog.failed()).isGreaterThanOrEqualTo(1);
        assertThat(deliveries.withStatus(Status.FAILED, 100)).extracting(OutboundDelivery::id).contains(failed);
        assertThat(meters.get("suite.outbound.failed").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("suite.outbound.pending").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("suite.outbound.oldest.pending.age").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private UUID enqueue(String reference, String orderingKey, String path, String body) {
        return transactions.execute(tx -> deliveries.enqueue(request(reference, orderingKey, path, body)));
    }

    private OutboundRequest request(String reference, String orderingKey, String path, String body) {
        return OutboundRequest.post(OutboundTestApplication.PURPOSE, reference, orderingKey, receiver.url(path), body);
    }

    private Status awaitSettled(UUID id) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries.find(id).orElseThrow().status() != Status.PENDING);
        return deliveries.find(id).orElseThrow().status();
    }

    private List<String> outcomes(UUID id) {
        return jdbc.queryForList("SELECT outcome || ':' || coalesce(detail, '') FROM call_outcome WHERE delivery_id = ?",
                String.class, id);
    }
}
