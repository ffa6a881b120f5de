package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Messages that can never be applied go to {@code <topic>-dlt} with the cause in their headers, and the events behind
 * them on the same partition are applied. Each poison message below shares its partition (its key) with a good event
 * sent after it.
 */
class PoisonMessagesTest {

    private static final Duration EVENTUALLY = Duration.ofMinutes(1);

    @Test
    void unreadable_unknown_unidentified_and_contract_breaking_messages_are_dead_lettered_and_the_partition_moves_on() {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        String courseKey = "course-v1:Poison+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        Map<String, String> unknownType = new HashMap<>(CatalogEvents.headers(UUID.randomUUID(), Instant.now()));
        unknownType.put(EventMetadata.TYPE, "org.openedx.learning.nothing.like.this.v1");
        Map<String, String> noId = new HashMap<>(CatalogEvents.headers(UUID.randomUUID(), Instant.now()));
        noId.remove(EventMetadata.ID);
        byte[] good = EventJson.write(CatalogEvents.payload(courseKey, "x"));

        UUID after;
        try (CatalogEvents events = new CatalogEvents(suite)) {
            events.sendRaw(courseKey, "{\"catalog_info\": {".getBytes(StandardCharsets.UTF_8),
                    CatalogEvents.headers(UUID.randomUUID(), Instant.now()));
            events.sendRaw(courseKey, good, unknownType);
            events.sendRaw(courseKey, good, noId);
            events.sendRaw(courseKey, "{\"catalog_info\": {\"course_key\": \"no name, no schedule\"}}"
                    .getBytes(StandardCharsets.UTF_8), CatalogEvents.headers(UUID.randomUUID(), Instant.now()));
            after = events.send(courseKey, "Applied after the poison", Instant.now());
        }

        ServiceDatabase discovery = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        await().atMost(EVENTUALLY).until(() -> discovery.consumed(List.of(after)) == 1);
        var deadLetters = await().atMost(EVENTUALLY).until(
                () -> KafkaTopics.readAll(suite.kafka().bootstrapServers(),
                        Topics.deadLetterOf(suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED))).stream()
                        .filter(m -> courseKey.equals(m.key()))
                        // the LMS reads this topic too and dead-letters the same messages into the same topic
                        .filter(m -> "discovery-service".equals(m.headers().get("kafka_dlt-original-consumer-group")))
                        .toList(),
                letters -> letters.size() == 4);
        assertThat(deadLetters).extracting(m -> m.headers().get("kafka_dlt-exception-message"))
                .anySatisfy(cause -> assertThat(cause).contains("does not fit the contract"))
                .anySatisfy(cause -> assertThat(cause).contains("unknown ce_type"))
                .anySatisfy(cause -> assertThat(cause).contains("ce_id"));
        assertThat(Http.get(suite.service(SuiteService.DISCOVERY).baseUrl() + "/api/course-runs/" + courseKey).json()
                .path("title").asString()).isEqualTo("Applied after the poison");
        ReliabilityReport.record("Poison messages (discovery)", "unreadable JSON, unknown ce_type, missing ce_id, "
                        + "payload breaking the contract, then a good event, all on one partition", 5, 1, 0, 0,
                deadLetters.size() + " in " + Topics.deadLetterOf(suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED))
                        + " with the cause in kafka_dlt-exception-message; the good event applied");
    }

    @Test
    void an_exam_event_whose_handler_keeps_failing_is_dead_lettered_after_bounded_retries_and_the_next_is_applied() {
        Suite suite = RunningSuite.with(SuiteService.LMS);
        Lms lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        String courseKey = "course-v1:Poison+E" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        String usageKey = courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@exam";
        try (CatalogEvents events = new CatalogEvents(suite)) {
            events.send(courseKey, "Poisoned exams", Instant.now());
        }
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        String learner = "known_" + UUID.randomUUID().toString().substring(0, 6);
        long learnerId = lms.createUser(learner);

        sendSubmitted(suite, courseKey, usageKey, Long.MAX_VALUE - 7, "nobody");
        sendSubmitted(suite, courseKey, usageKey, learnerId, learner);

        await().atMost(EVENTUALLY).until(() -> lms.completion(courseKey, learner, usageKey),
                c -> c.equals(Optional.of(1.0)));
        var deadLetters = await().atMost(EVENTUALLY).until(
                () -> KafkaTopics.readAll(suite.kafka().bootstrapServers(),
                        Topics.deadLetterOf(suite.topic(Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE))).stream()
                        .filter(m -> courseKey.equals(m.key()))
                        .filter(m -> "lms-service".equals(m.headers().get("kafka_dlt-original-consumer-group")))
                        .toList(),
                letters -> letters.size() == 1);
        assertThat(deadLetters.get(0).headers()).containsKey("kafka_dlt-exception-message");
        ReliabilityReport.record("Handler always throws (lms)", "exam.attempt.submitted for a learner the LMS does "
                        + "not know, then one for a known learner, same partition", 2, 1, 0, 0,
                "the first dead-lettered after bounded retries (" + deadLetters.get(0).headers()
                        .get("kafka_dlt-exception-fqcn") + "); the second applied");
    }

    private static void sendSubmitted(Suite suite, String courseKey, String usageKey, long userId, String username) {
        UserData user = new UserData(userId, true, new UserPersonalData(username, username + "@example.org", username));
        KafkaTopics.produceEvent(suite.kafka().bootstrapServers(), suite.topic(Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE),
                courseKey, EventMetadata.of(UUID.randomUUID(), OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED.name(), "exams",
                        Instant.now(), "test"),
                new ExamAttemptEvent(new ExamAttemptData(user, courseKey, usageKey, "proctored", user)));
    }
}
