package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.clients.Sandbox;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.ServiceProcess;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13: webhook calls survive the LMS dying twice, once with calls its receiver refused still pending and once
 * with calls in flight to a slow receiver. Every event reaches the receiver; a call the LMS made but could not record
 * is made again with the same idempotency key, so the receiver applies each event once.
 */
class WebhookReceiverCrashTest {

    private static final int COURSES = 20;
    private static final String CATALOG = "org.openedx.content_authoring.course.catalog_info.changed.v1";

    @Test
    void webhook_calls_pending_or_in_flight_when_the_lms_is_killed_are_made_after_restart_and_applied_once() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS);
        ServiceProcess lmsProcess = suite.service(SuiteService.LMS);
        Cms cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        Lms lms = new Lms(lmsProcess.baseUrl());
        Sandbox sandbox = new Sandbox(suite.sandboxUrl());
        String run = UUID.randomUUID().toString().substring(0, 6);
        String receiver = "crash-" + run;
        sandbox.receiverSecret(receiver, "crash-secret-" + run);
        long subscription = lms.subscribeWebhook(suite.sandboxUrl() + "/webhooks/" + receiver,
                "crash-secret-" + run, CATALOG);
        List<String> courses = new ArrayList<>();
        try {
            // 1. the receiver refuses (503): every call stays pending when the LMS dies; after a few failed attempts
            // the destination's circuit opens, and the rest wait without being tried
            sandbox.fault("webhook:" + receiver, "down", null);
            for (int i = 0; i < COURSES; i++) {
                String course = "course-v1:edX+Hook" + run + i + "+2026";
                cms.createAndPublish(course, "Webhook crash " + i);
                courses.add(course);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> deliveries(lms, subscription).size() == COURSES
                    && attempted(lms, subscription) > 0);
            lmsProcess.kill();
            sandbox.clearFaults();
            // 2. the receiver is slow: calls are in flight when the LMS dies again, and were never recorded as made
            sandbox.slow("webhook:" + receiver, 3_000);
            lmsProcess.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> !sandbox.webhooks(receiver).stream()
                    .filter(call -> call.path("answered_status").asInt() != 503).toList().isEmpty());
            lmsProcess.kill();
            sandbox.clearFaults();
            lmsProcess.start();

            // a call in flight is leased for suite.outbound.lease (1 min) before it is made again
            await().atMost(Duration.ofMinutes(4)).until(() -> delivered(lms, subscription) == COURSES);
        } finally {
            sandbox.clearFaults();
            if (!lmsProcess.isRunning()) {
                lmsProcess.start();
            }
        }

        List<JsonNode> calls = sandbox.webhooks(receiver);
        List<JsonNode> accepted = calls.stream().filter(call -> call.path("answered_status").asInt() == 204)
                .toList();
        Set<String> keys = new HashSet<>();
        accepted.forEach(call -> keys.add(call.path("idempotency_key").asString()));
        Set<String> coursesReceived = new HashSet<>();
        accepted.forEach(call -> coursesReceived.add(call.at("/body/data/catalog_info/course_key").asString()));
        long repeats = accepted.stream().filter(call -> call.path("duplicate").asBoolean()).count();
        long appliedOnce = accepted.size() - repeats;
        // a receiver that drops repeats by key applies each new key; an event sent under two keys would show here
        java.util.Map<String, Long> applicationsPerCourse = accepted.stream()
                .filter(call -> !call.path("duplicate").asBoolean())
                .collect(java.util.stream.Collectors.groupingBy(
                        call -> call.at("/body/data/catalog_info/course_key").asString(),
                        java.util.stream.Collectors.counting()));
        long doubled = applicationsPerCourse.values().stream().mapToLong(n -> n - 1).sum();

        assertThat(coursesReceived).containsExactlyInAnyOrderElementsOf(courses);
        assertThat(keys).hasSize(COURSES);
        assertThat(appliedOnce).isEqualTo(COURSES);
        assertThat(doubled).isZero();
        assertThat(accepted).allSatisfy(call -> assertThat(call.path("signature_valid").asBoolean()).isTrue());
        ReliabilityReport.record("LMS killed with webhook calls pending and in flight",
                COURSES + " catalog events for one webhook subscription; receiver answering 503, LMS SIGKILLed; "
                        + "receiver slow (3 s), LMS SIGKILLed mid-call; LMS restarted",
                new Effects(COURSES, coursesReceived.size(), COURSES - coursesReceived.size(), doubled),
                calls.size() + " calls received (" + (calls.size() - accepted.size()) + " refused with 503, "
                        + repeats + " repeats of a call already received, recognised by their idempotency key)");
    }

    /** How many calls of the subscription were tried at least once. */
    private static long attempted(Lms lms, long subscription) {
        return deliveries(lms, subscription).stream().filter(d -> d.path("attempts").asInt() > 0).count();
    }

    private static long delivered(Lms lms, long subscription) {
        return deliveries(lms, subscription).stream().filter(d -> d.path("status").asString().equals("delivered"))
                .count();
    }

    private static List<JsonNode> deliveries(Lms lms, long subscription) {
        Http.Response response = Http.get(lms.baseUrl() + "/api/webhooks/" + subscription + "/deliveries");
        return response.status() == 200 ? response.json().valueStream().toList() : List.of();
    }
}
