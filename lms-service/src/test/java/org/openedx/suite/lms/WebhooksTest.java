package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.outbound.WebhookSignature;
import org.openedx.suite.testsupport.HttpReceiver;
import org.openedx.suite.testsupport.HttpReceiver.Answer;
import org.openedx.suite.testsupport.HttpReceiver.Received;
import org.openedx.suite.lms.identity.SuiteTokens;
import org.openedx.suite.lms.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks (issue 13): every event of a subscribed type, published by the LMS or applied by it, reaches the
 * subscriber's URL once, signed, in the order of the changes; a receiver that is down gets it when it is back; one
 * that refuses has it failed for good and visible.
 */
@LmsServiceTest
class WebhooksTest {

    private static final String SECRET = "a-secret-of-the-subscriber";
    private static final String CREATED = OpenEdxEvents.CERTIFICATE_CREATED.name();
    private static final String REVOKED = OpenEdxEvents.CERTIFICATE_REVOKED.name();
    private static final String CATALOG = OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired Lms lms;
    @Autowired SuiteTokens tokens;
    @Autowired Users users;

    private final HttpReceiver receiver = HttpReceiver.start();
    private final List<Long> subscriptions = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        subscriptions.forEach(id -> lms.http.delete().uri("/api/webhooks/{id}", id).exchange()
                .expectStatus().isNoContent());
        receiver.close();
    }

    @Test
    void a_subscriber_gets_each_subscribed_event_once_signed_and_in_order_and_no_other() {
        long subscription = subscribe("/hooks/certs", List.of(CREATED, REVOKED, CATALOG), null);
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Webhooks 101");     // a catalog event the LMS applies
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, course.block("hw"), 9, 10);  // passes: certificate created (and passing status)
        lms.score(course, ada, course.block("hw"), 1, 10);  // fails: certificate revoked
        lms.score(course, ada, course.block("hw"), 8, 10);  // passes again: created again

        List<Received> calls = await().atMost(PATIENCE).until(() -> forCourse(receiver.received("/hooks/certs"),
                course), received -> received.size() >= 4);

        assertThat(calls).extracting(call -> json(call.body()).get("type").asString())
                .containsExactly(CATALOG, CREATED, REVOKED, CREATED);
        WebhookSignature signature = new WebhookSignature(SECRET);
        assertThat(calls).allSatisfy(call -> {
            assertThat(signature.verifies(call.header("webhook-id"), call.header("webhook-timestamp"),
                    call.header("webhook-signature"), call.body(), Instant.now())).as("signature").isTrue();
            assertThat(call.header("idempotency-key")).isEqualTo(call.header("webhook-id"));
            JsonNode event = json(call.body());
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("id").asString()).isNotBlank();
            assertThat(event.get("data")).isNotNull();
        });
        JsonNode created = json(calls.get(1).body());
        assertThat(created.get("source").asString()).isEqualTo("openedx/lms/web");
        assertThat(created.at("/data/certificate/user/pii/username").asString()).isEqualTo(ada.username());
        assertThat(created.at("/data/certificate/course/course_key").asString()).isEqualTo(course.key());
        assertThat(json(calls.get(0).body()).get("source").asString()).isEqualTo("openedx/cms/web");
        assertThat(calls).extracting(call -> call.header("webhook-id")).doesNotHaveDuplicates();
        // the passing status events of the same changes were not subscribed to
        assertThat(receiver.received()).noneMatch(call -> call.body().contains("passing.status"));

        JsonNode log = lms.http.get().uri("/api/webhooks/{id}/deliveries", subscription).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(log).hasSizeGreaterThanOrEqualTo(4);
        assertThat(log).allSatisfy(delivery -> assertThat(delivery.get("status").asString()).isEqualTo("delivered"));
    }

    @Test
    void a_receiver_that_is_down_gets_each_event_once_when_it_is_back_and_the_log_shows_the_failed_attempts() {
        long subscription = subscribe("/hooks/down", List.of(CATALOG), null);
        receiver.down();
        Course course = lms.newCourse("Receiver down");
        JsonNode delivery = await().atMost(PATIENCE).until(() -> deliveryOf(subscription, course),
                found -> found != null && found.get("attempts").asInt() >= 3);
        receiver.up();

        await().atMost(PATIENCE).until(() -> deliveryOf(subscription, course).get("status").asString(),
                "delivered"::equals);
        assertThat(forCourse(receiver.received("/hooks/down"), course)).hasSize(1);
        JsonNode withAttempts = lms.http.get().uri("/api/webhooks/{id}/deliveries/{d}", subscription,
                        delivery.get("id").asString()).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        List<JsonNode> attempts = withAttempts.get("attempt_log").valueStream().toList();
        assertThat(attempts.subList(0, attempts.size() - 1)).allSatisfy(attempt -> {
            assertThat(attempt.get("outcome").asString()).isEqualTo("retry");
            assertThat(attempt.get("error").asString()).isNotBlank();
        });
        assertThat(attempts.get(attempts.size() - 1).get("http_status").asInt()).isEqualTo(204);
    }

    @Test
    void a_refusal_fails_the_call_for_good_and_can_be_redelivered_by_hand() {
        receiver.answerNext("/hooks/refusing", Answer.json(422, "{\"detail\":\"cannot process\"}"));
        long subscription = subscribe("/hooks/refusing", List.of(CATALOG), null);
        Course course = lms.newCourse("Refused");

        JsonNode failed = await().atMost(PATIENCE).until(() -> deliveryOf(subscription, course),
                found -> found != null && found.get("status").asString().equals("failed"));
        assertThat(failed.get("last_status").asInt()).isEqualTo(422);
        assertThat(failed.get("response").asString()).contains("cannot process");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);

        lms.http.post().uri("/api/webhooks/{id}/deliveries/{d}/redeliver", subscription, failed.get("id").asString())
                .exchange().expectStatus().isAccepted();
        await().atMost(PATIENCE).until(() -> deliveryOf(subscription, course).get("status").asString(),
                "delivered"::equals);
        assertThat(forCourse(receiver.received("/hooks/refusing"), course)).extracting(c -> c.header("webhook-id"))
                .containsExactly(failed.get("id").asString(), failed.get("id").asString());
    }

    @Test
    void a_receiver_answering_410_gone_has_its_subscription_disabled_with_the_reason() {
        receiver.answerAlways("/hooks/gone", Answer.status(410));
        long subscription = subscribe("/hooks/gone", List.of(CATALOG), null);
        lms.newCourse("Gone");

        JsonNode disabled = await().atMost(PATIENCE).until(() -> subscription(subscription),
                found -> !found.get("active").asBoolean());
        assertThat(disabled.get("disabled_reason").asString()).contains("410");
        int calls = receiver.received("/hooks/gone").size();
        Course later = lms.newCourse("After disabling");
        lms.awaitCourse(later.key());
        assertThat(forCourse(receiver.received("/hooks/gone"), later)).isEmpty();
        assertThat(receiver.received("/hooks/gone")).hasSize(calls);
    }

    @Test
    void a_subscription_still_failing_after_the_configured_time_is_disabled_and_its_pending_calls_end() {
        receiver.answerAlways("/hooks/failing", Answer.status(503));
        long subscription = subscribe("/hooks/failing", List.of(CATALOG), null);
        lms.newCourse("Failing receiver");

        JsonNode disabled = await().atMost(Duration.ofSeconds(90)).until(() -> subscription(subscription),
                found -> !found.get("active").asBoolean());

        assertThat(disabled.get("disabled_reason").asString()).contains("failing since").contains("503");
        JsonNode delivery = deliveryOf(subscription, null);
        assertThat(delivery.get("status").asString()).isEqualTo("failed");
        assertThat(delivery.get("last_error").asString()).contains("subscription disabled");
        assertThat(receiver.received("/hooks/failing").size()).isGreaterThan(1);
    }

    @Test
    void a_field_mapping_sends_a_flat_body() {
        subscribe("/hooks/zapier", List.of(CATALOG), """
                {"event": "type", "course": "data.catalog_info.course_key", "title": "data.catalog_info.name",
                 "nowhere": "data.no.such.path"}""");
        Course course = lms.newCourse("Flat bodies");

        Received call = await().atMost(PATIENCE).until(() -> receiver.received("/hooks/zapier").stream()
                .filter(c -> c.body().contains(course.key())).findFirst().orElse(null), c -> c != null);
        JsonNode body = json(call.body());
        assertThat(body.get("event").asString()).isEqualTo(CATALOG);
        assertThat(body.get("course").asString()).isEqualTo(course.key());
        assertThat(body.get("title").asString()).isEqualTo("Flat bodies");
        assertThat(body.get("nowhere").isNull()).isTrue();
        assertThat(body.size()).isEqualTo(4);
    }

    @Test
    void urls_on_private_networks_or_plain_http_are_refused_unless_their_host_is_allowed() {
        for (String url : List.of("http://localhost:18900/hooks", "https://localhost/hooks",
                "https://10.1.2.3/hooks", "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks",
                "http://93.184.215.14/hooks", "not a url")) {
            JsonNode problem = lms.http.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"event_types": ["%s"], "url": "%s", "secret": "%s"}""".formatted(CATALOG, url, SECRET))
                    .exchange().expectStatus().isBadRequest().returnResult(JsonNode.class).getResponseBody();
            assertThat(problem.toString()).as(url).contains("url");
        }
    }

    @Test
    void a_subscription_names_known_event_types_and_a_secret() {
        lms.http.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"event_types": ["%s", "org.openedx.nothing.v1"], "url": "%s", "secret": "%s"}"""
                        .formatted(CATALOG, receiver.url("/x"), SECRET))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("event_types[1]");
        lms.http.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"event_types": ["%s"], "url": "%s"}""".formatted(CATALOG, receiver.url("/x")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("secret");
        lms.http.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"event_types": ["%s"], "url": "%s", "secret": "%s", "field_mapping": {"a": "Not A Path"}}"""
                        .formatted(CATALOG, receiver.url("/x"), SECRET))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("field_mapping.a");
    }

    @Test
    void only_the_operator_manages_webhooks() {
        Learner mallory = lms.newLearner();
        lms.http.get().uri("/api/webhooks")
                .header("Authorization", "Bearer " + tokens.forUser(users.require(mallory.username())).accessToken())
                .exchange().expectStatus().isForbidden();
    }

    private long subscribe(String path, List<String> types, String fieldMapping) {
        String mapping = fieldMapping == null ? "" : ", \"field_mapping\": " + fieldMapping;
        JsonNode created = lms.http.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"event_types": [%s], "url": "%s", "secret": "%s"%s}""".formatted(
                        String.join(", ", types.stream().map(t -> "\"" + t + "\"").toList()), receiver.url(path),
                        SECRET, mapping))
                .exchange().expectStatus().isCreated().returnResult(JsonNode.class).getResponseBody();
        assertThat(created.has("secret")).isFalse();
        subscriptions.add(created.get("id").asLong());
        return created.get("id").asLong();
    }

    private JsonNode subscription(long id) {
        return lms.http.get().uri("/api/webhooks/{id}", id).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
    }

    /**
     * The subscription's first call, or null before there is one. Tests run one at a time and each deletes its
     * subscriptions, so a subscription made in a test carries only that test's events.
     */
    private JsonNode deliveryOf(long subscription, Course course) {
        JsonNode log = lms.http.get().uri("/api/webhooks/{id}/deliveries", subscription).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        return log.isEmpty() ? null : log.get(log.size() - 1);
    }

    private static List<Received> forCourse(List<Received> calls, Course course) {
        return calls.stream().filter(call -> call.body().contains(course.key())).toList();
    }

    private static JsonNode json(String body) {
        return Lms.json(body);
    }
}
