package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.ProgramCertificateData;
import org.openedx.suite.contracts.ProgramCertificateEvent;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.clients.Sandbox;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's consumers keep the bus's promises: credentials' badge progress (passing status events) and the LMS's
 * program records (program certificate events) dead-letter a message that breaks the contract and move on, and apply
 * an event delivered three times once. The effect counted is one that a second application would repeat: the badge
 * announced again, the webhook of the program certificate called again.
 */
class BadgeAndProgramConsumersTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final int COPIES = 3;

    @Test
    void credentials_dead_letters_a_broken_passing_status_and_applies_a_tripled_one_once() {
        Suite suite = RunningSuite.with(SuiteService.CREDENTIALS);
        String credentials = suite.service(SuiteService.CREDENTIALS).baseUrl();
        String org = "Rel" + UUID.randomUUID().toString().substring(0, 6);
        String course = "course-v1:" + org + "+Badges+2026";
        Http.Response template = Http.post(credentials + "/api/badge-templates", Map.of("name", "Reliable " + org,
                "organization", org, "provider", "internal", "requirements", List.of(Map.of("event_type",
                        OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED.name(), "rules", List.of(Map.of(
                                "data_path", "is_passing", "operator", "eq", "value", true))))));
        assertThat(template.status()).as("%s", template).isEqualTo(201);
        Http.post(credentials + "/api/badge-templates/" + template.json().path("uuid").asString() + "/activate",
                Map.of());
        String username = "rel_" + org.toLowerCase();
        String topic = suite.topic(Topics.LEARNING_BADGES_LIFECYCLE);
        UUID poison = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        Instant time = EventTimes.truncate(Instant.now());

        KafkaTopics.produce(suite.kafka(), topic, course,
                "{\"course_passing_status\": {\"is_passing\": true}}".getBytes(StandardCharsets.UTF_8),
                EventMetadata.of(poison, OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED.name(), "lms", time, "it")
                        .toHeaders());
        CoursePassingStatusEvent passing = new CoursePassingStatusEvent(new CoursePassingStatusData(true,
                new CourseData(course, "Reliable badges", null, null),
                new UserData(424242, true, new UserPersonalData(username, username + "@example.org", "Rel Iable"))));
        RecordMetadata last = null;
        for (int copy = 0; copy < COPIES; copy++) {
            last = KafkaTopics.produceEvent(suite.kafka(), topic, course, EventMetadata.of(good,
                    OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED.name(), "lms", time, "it"), passing);
        }
        awaitConsumedPast(suite, "credentials-service", last);

        JsonNode badge = await().atMost(EVENTUALLY).until(() -> {
            Http.Response badges = Http.get(credentials + "/api/badges?username=" + username);
            return badges.status() == 200 && !badges.json().isEmpty() ? badges.json().get(0) : null;
        }, found -> found != null);
        List<KafkaTopics.Message> deadLetters = await().atMost(EVENTUALLY).until(() -> KafkaTopics.readAll(
                        suite.kafka(), Topics.deadLetterOf(topic)).stream()
                .filter(m -> "credentials-service".equals(m.headers().get("kafka_dlt-original-consumer-group")))
                .filter(m -> poison.toString().equals(m.headers().get(EventMetadata.ID))).toList(),
                letters -> letters.size() == 1);
        List<KafkaTopics.Message> awarded = KafkaTopics.readAll(suite.kafka(), topic).stream()
                .filter(m -> badge.path("uuid").asString().equals(m.key())).toList();
        long consumed = new ServiceDatabase(suite, SuiteService.CREDENTIALS).consumed(List.of(good));

        assertThat(badge.path("status").asString()).isEqualTo("awarded");
        assertThat(deadLetters.get(0).headers().get("kafka_dlt-exception-message"))
                .contains("payload does not fit the contract");
        assertThat(consumed).isEqualTo(1);
        assertThat(awarded).hasSize(1);
        ReliabilityReport.record("Poison and duplicate (credentials' badges)", "a passing status breaking the "
                        + "contract, then one passing status (same ce_id) written " + COPIES + " times",
                new Effects(1, 1, 0, (long) awarded.size() - 1), "the broken one in " + Topics.deadLetterOf(topic)
                        + "; the badge awarded and announced " + awarded.size() + " time(s)");
    }

    /** Every copy was consumed (and any second application made) once the group's offset is past the last. */
    private static void awaitConsumedPast(Suite suite, String group, RecordMetadata last) {
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        await().atMost(EVENTUALLY).until(() -> KafkaTopics.committedOffset(suite.kafka(), group, partition),
                offset -> offset > last.offset());
    }

    @Test
    void the_lms_dead_letters_a_broken_program_certificate_and_applies_a_tripled_one_once() {
        Suite suite = RunningSuite.with(SuiteService.LMS);
        String lmsUrl = suite.service(SuiteService.LMS).baseUrl();
        Lms lms = new Lms(lmsUrl);
        Sandbox sandbox = new Sandbox(suite.sandboxUrl());
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "prog_rel_" + run;
        long userId = lms.createUser(username);
        String receiver = "programs-" + run;
        sandbox.receiverSecret(receiver, "secret-of-" + run + "-receiver");
        long subscription = lms.subscribeWebhook(suite.sandboxUrl() + "/webhooks/" + receiver,
                "secret-of-" + run + "-receiver", OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED.name());
        String topic = suite.topic(Topics.LEARNING_PROGRAM_CERTIFICATE_LIFECYCLE);
        String program = UUID.randomUUID().toString();
        UUID poison = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        Instant time = EventTimes.truncate(Instant.now());

        KafkaTopics.produce(suite.kafka(), topic, program,
                "{\"program_certificate\": {\"uuid\": \"x\"}}".getBytes(StandardCharsets.UTF_8),
                EventMetadata.of(poison, OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED.name(), "credentials", time, "it")
                        .toHeaders());
        ProgramCertificateEvent awarded = new ProgramCertificateEvent(new ProgramCertificateData(
                new UserData(userId, true, new UserPersonalData(username, username + "@example.org", "P")),
                new ProgramCertificateData.ProgramData(program, "Reliable program", "XSeries"),
                UUID.randomUUID().toString(), "awarded", "/credentials/x", null));
        RecordMetadata last = null;
        for (int copy = 0; copy < COPIES; copy++) {
            last = KafkaTopics.produceEvent(suite.kafka(), topic, program, EventMetadata.of(good,
                    OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED.name(), "credentials", time, "it"), awarded);
        }
        awaitConsumedPast(suite, "lms-service", last);

        await().atMost(EVENTUALLY).until(() -> {
            Http.Response records = Http.get(lmsUrl + "/api/programs/certificates?username=" + username);
            return records.status() == 200 ? records.json().valueStream()
                    .filter(r -> r.path("program_uuid").asString().equals(program))
                    .map(r -> r.path("status").asString()).findFirst() : Optional.<String>empty();
        }, Optional.of("awarded")::equals);
        await().atMost(EVENTUALLY).until(() -> KafkaTopics.readAll(suite.kafka(), Topics.deadLetterOf(topic)).stream()
                .filter(m -> "lms-service".equals(m.headers().get("kafka_dlt-original-consumer-group")))
                .anyMatch(m -> poison.toString().equals(m.headers().get(EventMetadata.ID))));
        // written in the consumer's transaction: a second application would have written a second by now
        List<JsonNode> calls = Http.get(lmsUrl + "/api/webhooks/" + subscription + "/deliveries").json()
                .valueStream().toList();
        await().atMost(EVENTUALLY).until(() -> sandbox.webhooks(receiver), received -> !received.isEmpty());
        long consumed = new ServiceDatabase(suite, SuiteService.LMS).consumed(List.of(good));

        assertThat(consumed).isEqualTo(1);
        assertThat(calls).extracting(call -> call.path("event_id").asString()).containsExactly(good.toString());
        assertThat(sandbox.webhooks(receiver)).extracting(call -> call.at("/body/id").asString())
                .containsExactly(good.toString());
        ReliabilityReport.record("Poison and duplicate (LMS's program records)", "a program certificate event "
                        + "breaking the contract, then one (same ce_id) written " + COPIES + " times",
                new Effects(1, 1, 0, (long) calls.size() - 1), "the broken one in " + Topics.deadLetterOf(topic)
                        + "; the record awarded; " + calls.size() + " webhook call(s) for it");
    }
}
