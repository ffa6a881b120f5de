package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
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
import tools.jackson.databind.JsonNode;

/**
 * Messages that can never be applied go to {@code <topic>-dlt} with their own cause in its headers, and into the
 * service's dead-letter log, after bounded attempts; the partition moves on past them. Each poison message below
 * shares its partition (its key) with a good event sent after it: that event is applied, and the consumer group's
 * committed offset on the partition goes past it, so nothing is left stuck behind the poison.
 */
class PoisonMessagesTest {

    private static final Duration EVENTUALLY = Duration.ofMinutes(1);
    /** The headers every dead letter carries, Spring Kafka's record of the failure. */
    private static final String[] FAILURE_HEADERS = {"kafka_dlt-exception-fqcn", "kafka_dlt-exception-message",
            "kafka_dlt-exception-stacktrace"};
    /** event-bus.consumer.attempts, which the services leave at its default. */
    private static final int ATTEMPTS = 3;

    /** A message and the cause its dead letter must name, which no other message of the test shares. */
    private record Poison(String what, byte[] value, Map<String, String> headers, String cause) {

        /** The ce_id as sent; null for the message sent without one. */
        String eventId() {
            return headers.get(EventMetadata.ID);
        }
    }

    @Test
    void unreadable_unknown_unidentified_and_contract_breaking_messages_are_dead_lettered_and_the_partition_moves_on() {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        String discoveryUrl = suite.service(SuiteService.DISCOVERY).baseUrl();
        DiscoveryCatalog catalog = new DiscoveryCatalog(new ServiceDatabase(suite, SuiteService.DISCOVERY));
        String courseKey = "course-v1:Poison+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        byte[] readable = EventJson.write(CatalogEvents.payload(courseKey, "x"));
        Map<String, String> unknownType = headers();
        unknownType.put(EventMetadata.TYPE, "org.openedx.learning.nothing.like.this.v1");
        Map<String, String> noId = headers();
        noId.remove(EventMetadata.ID);
        List<Poison> poisons = List.of(
                new Poison("unreadable JSON", utf8("{\"catalog_info\": {"), headers(),
                        "payload does not fit the contract: Unexpected end-of-input"),
                new Poison("unknown ce_type", readable, unknownType,
                        "unknown ce_type org.openedx.learning.nothing.like.this.v1"),
                new Poison("missing ce_id", readable, noId, "header ce_id is missing"),
                new Poison("payload breaking the contract",
                        utf8("{\"catalog_info\": {\"course_key\": \"no name, no schedule\"}}"), headers(),
                        "payload does not fit the contract: Missing required creator property 'hidden'"));

        Map<Long, Poison> byOffset = new LinkedHashMap<>();
        UUID after = UUID.randomUUID();
        RecordMetadata afterWritten;
        try (CatalogEvents events = new CatalogEvents(suite)) {
            for (Poison poison : poisons) {
                byOffset.put(CatalogEvents.written(events.sendRaw(courseKey, poison.value(), poison.headers()))
                        .offset(), poison);
            }
            afterWritten = CatalogEvents.written(events.send(after, courseKey, "Applied after the poison",
                    Instant.now()));
        }

        List<KafkaTopics.Message> deadLetters = await().atMost(EVENTUALLY).until(
                () -> KafkaTopics.readAll(suite.kafka(),
                        Topics.deadLetterOf(suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED))).stream()
                        .filter(m -> courseKey.equals(m.key()))
                        // the LMS reads this topic too and dead-letters the same messages into the same topic
                        .filter(m -> "discovery-service".equals(m.headers().get("kafka_dlt-original-consumer-group")))
                        .toList(),
                letters -> letters.size() == poisons.size());
        await().atMost(EVENTUALLY).until(() -> catalog.applied(List.of(after)) == 1);
        TopicPartition partition = new TopicPartition(afterWritten.topic(), afterWritten.partition());
        long committed = await().atMost(EVENTUALLY).until(() -> KafkaTopics.committedOffset(
                suite.kafka(), "discovery-service", partition), offset -> offset > afterWritten.offset());
        Map<Long, JsonNode> logged = deadLetterLog(discoveryUrl, courseKey);

        assertThat(byOffset.keySet()).as("the poison is on the good event's partition, before it")
                .allSatisfy(offset -> assertThat(offset).isLessThan(afterWritten.offset()));
        assertThat(deadLetters).allSatisfy(letter -> assertThat(letter.headers()).containsKeys(FAILURE_HEADERS));
        Map<String, String> causeByEventId = new HashMap<>();
        deadLetters.forEach(letter -> causeByEventId.put(letter.headers().get(EventMetadata.ID),
                letter.headers().get("kafka_dlt-exception-message")));
        assertThat(causeByEventId).as("one dead letter per poison message, by ce_id").hasSize(poisons.size());
        for (Poison poison : poisons) {
            assertThat(causeByEventId.get(poison.eventId())).as("the dead letter of the %s", poison.what())
                    .contains(poison.cause());
        }
        assertThat(logged.keySet()).as("discovery's dead-letter log, by offset").isEqualTo(byOffset.keySet());
        logged.forEach((offset, letter) -> {
            Poison poison = byOffset.get(offset);
            assertThat(letter.path("error").asString()).as("logged error of the %s", poison.what())
                    .contains(poison.cause());
            assertThat(letter.path("attempts").asInt()).as("attempts at the %s", poison.what()).isEqualTo(1);
        });
        assertThat(catalog.runs(List.of(courseKey))).extracting(DiscoveryCatalog.Entry::title)
                .containsExactly("Applied after the poison");

        Effects goodEvent = catalog.effectsOf(List.of(after));
        long sent = poisons.size() + goodEvent.sent();
        ReliabilityReport.record("Poison messages (discovery)", "unreadable JSON, unknown ce_type, missing ce_id, "
                        + "payload breaking the contract, then a good event, all on one partition",
                new Effects(sent, goodEvent.seen(), sent - goodEvent.seen() - deadLetters.size(),
                        goodEvent.duplicated()),
                deadLetters.size() + " in " + Topics.deadLetterOf(suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED))
                        + ", each with its own cause; tried once each; the good event applied and the committed "
                        + "offset moved past it (" + committed + ")");
    }

    @Test
    void an_exam_event_whose_handler_keeps_failing_is_dead_lettered_after_bounded_retries_and_the_next_is_applied() {
        Suite suite = RunningSuite.with(SuiteService.LMS);
        String lmsUrl = suite.service(SuiteService.LMS).baseUrl();
        Lms lms = new Lms(lmsUrl);
        String courseKey = "course-v1:Poison+E" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        String usageKey = courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@exam";
        try (CatalogEvents events = new CatalogEvents(suite)) {
            events.send(courseKey, "Poisoned exams", Instant.now());
        }
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        String learner = "known_" + UUID.randomUUID().toString().substring(0, 6);
        long learnerId = lms.createUser(learner);
        long unknownId = Long.MAX_VALUE - 7;

        List<RecordMetadata> written = new ArrayList<>();
        written.add(sendSubmitted(suite, courseKey, usageKey, unknownId, "nobody"));
        written.add(sendSubmitted(suite, courseKey, usageKey, learnerId, learner));
        RecordMetadata poison = written.get(0);
        RecordMetadata next = written.get(1);

        await().atMost(EVENTUALLY).until(() -> lms.completion(courseKey, learner, usageKey),
                c -> c.equals(Optional.of(1.0)));
        List<KafkaTopics.Message> deadLetters = await().atMost(EVENTUALLY).until(
                () -> KafkaTopics.readAll(suite.kafka(),
                        Topics.deadLetterOf(suite.topic(Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE))).stream()
                        .filter(m -> courseKey.equals(m.key()))
                        .filter(m -> "lms-service".equals(m.headers().get("kafka_dlt-original-consumer-group")))
                        .toList(),
                letters -> letters.size() == 1);
        TopicPartition partition = new TopicPartition(next.topic(), next.partition());
        long committed = await().atMost(EVENTUALLY).until(() -> KafkaTopics.committedOffset(
                suite.kafka(), "lms-service", partition), offset -> offset > next.offset());
        Map<Long, JsonNode> logged = deadLetterLog(lmsUrl, courseKey);

        String cause = "no learner with LMS user id " + unknownId;
        assertThat(poison.partition()).isEqualTo(next.partition());
        assertThat(poison.offset()).isLessThan(next.offset());
        assertThat(deadLetters.get(0).headers()).containsKeys(FAILURE_HEADERS);
        assertThat(deadLetters.get(0).headers().get("kafka_dlt-exception-message")).contains(cause);
        assertThat(logged).containsOnlyKeys(poison.offset());
        assertThat(logged.get(poison.offset()).path("error").asString()).contains(cause);
        assertThat(logged.get(poison.offset()).path("attempts").asInt()).as("attempts before giving up")
                .isEqualTo(ATTEMPTS);

        long applied = lms.completion(courseKey, learner, usageKey).isPresent() ? 1 : 0;
        // the LMS overwrites completion and credit state: a second application would leave no trace to count
        ReliabilityReport.record("Handler always throws (lms)", "exam.attempt.submitted for a learner the LMS does "
                        + "not know, then one for a known learner, same partition",
                Effects.withoutDuplicateCount(written.size(), applied, written.size() - applied - deadLetters.size()),
                "the first dead-lettered after " + logged.get(poison.offset()).path("attempts").asInt()
                        + " attempts (" + cause + "); the second applied and the committed offset moved past it ("
                        + committed + ")");
    }

    /**
     * Insights' consumer (issue 15): tracking logs that break the mapping (no user, data that is not JSON) or come from
     * a service that does not produce tracking logs go to {@code analytics-dlt} at once, each with its cause; the good
     * log behind them on the same partition (same name: the key) becomes its statement.
     */
    @Test
    void tracking_logs_insights_cannot_map_or_from_a_stranger_are_dead_lettered_and_the_next_becomes_a_statement() {
        Suite suite = RunningSuite.with(SuiteService.INSIGHTS);
        String insightsUrl = suite.service(SuiteService.INSIGHTS).baseUrl();
        String courseKey = "course-v1:Poison+T" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        String name = "edx.course.enrollment.activated";
        long learnerId = 9_000_000L + new java.util.Random().nextInt(1_000_000);
        String context = TrackingLogs.context(courseKey);
        String enrollment = TrackingLogs.data(learnerId, courseKey, "\"mode\": \"audit\"");
        Instant now = Instant.now();
        List<Poison> poisons = List.of(
                new Poison("a log without its user", TrackingLogs.payload(name, now, "{\"course_id\": \"" + courseKey
                        + "\", \"mode\": \"audit\"}", context), TrackingLogs.headers(UUID.randomUUID(), "lms", now),
                        "data.user_id is missing"),
                new Poison("data that is not JSON", TrackingLogs.payload(name, now, "{\"user_id\": ", context),
                        TrackingLogs.headers(UUID.randomUUID(), "lms", now), "data is not JSON"),
                new Poison("a log from credentials", TrackingLogs.payload(name, now, enrollment, context),
                        TrackingLogs.headers(UUID.randomUUID(), "credentials", now), "is not a producer of"));
        String topic = suite.topic(Topics.ANALYTICS);
        List<RecordMetadata> written = new ArrayList<>();
        for (Poison poison : poisons) {
            written.add(KafkaTopics.produce(suite.kafka(), topic, name, poison.value(), poison.headers()));
        }
        RecordMetadata good = TrackingLogs.sendFromLms(suite, UUID.randomUUID(), name, now, enrollment, context);

        List<KafkaTopics.Message> deadLetters = await().atMost(EVENTUALLY).until(
                () -> KafkaTopics.readAll(suite.kafka(), Topics.deadLetterOf(topic)).stream()
                        .filter(m -> poisons.stream().anyMatch(p -> p.eventId().equals(
                                m.headers().get(EventMetadata.ID))))
                        .toList(),
                letters -> letters.size() == poisons.size());
        JsonNode figures = await().atMost(EVENTUALLY).until(
                () -> Http.get(insightsUrl + "/api/courses/" + courseKey + "/insights"),
                answer -> answer.status() == 200).json();
        TopicPartition partition = new TopicPartition(good.topic(), good.partition());
        long committed = await().atMost(EVENTUALLY).until(() -> KafkaTopics.committedOffset(
                suite.kafka(), "insights-service", partition), offset -> offset > good.offset());

        assertThat(written).allSatisfy(poison -> {
            assertThat(poison.partition()).isEqualTo(good.partition());
            assertThat(poison.offset()).isLessThan(good.offset());
        });
        Map<String, String> causeByEventId = new HashMap<>();
        deadLetters.forEach(letter -> causeByEventId.put(letter.headers().get(EventMetadata.ID),
                letter.headers().get("kafka_dlt-exception-message")));
        for (Poison poison : poisons) {
            assertThat(causeByEventId.get(poison.eventId())).as("the dead letter of %s", poison.what())
                    .contains(poison.cause());
        }
        assertThat(figures.path("statements").asLong()).as("statements of the course: the good log's alone")
                .isEqualTo(1);
        assertThat(figures.path("enrollments").path("by_mode").path("audit").asLong()).isEqualTo(1);

        ReliabilityReport.record("Poison messages (insights)", "a tracking log without its user, one whose data is "
                        + "not JSON, one from credentials (not a producer), then a good log, all on one partition",
                new Effects(poisons.size() + 1, figures.path("statements").asLong(),
                        poisons.size() + 1 - figures.path("statements").asLong() - deadLetters.size(), 0L),
                deadLetters.size() + " in " + Topics.deadLetterOf(topic) + ", each with its own cause; the good "
                        + "log became its statement and the committed offset moved past it (" + committed + ")");
    }

    /** The service's own dead-letter log (GET /actuator/deadletters) for one message key, by offset. */
    private static Map<Long, JsonNode> deadLetterLog(String baseUrl, String key) {
        Map<Long, JsonNode> byOffset = new LinkedHashMap<>();
        for (JsonNode letter : Http.get(baseUrl + "/actuator/deadletters").json()) {
            if (key.equals(letter.path("key").asString())) {
                byOffset.put(letter.path("offset").asLong(), letter);
            }
        }
        return byOffset;
    }

    private static Map<String, String> headers() {
        return new HashMap<>(CatalogEvents.headers(UUID.randomUUID(), Instant.now()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RecordMetadata sendSubmitted(Suite suite, String courseKey, String usageKey, long userId,
                                                String username) {
        UserData user = new UserData(userId, true, new UserPersonalData(username, username + "@example.org", username));
        return KafkaTopics.produceEvent(suite.kafka(),
                suite.topic(Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE), courseKey,
                EventMetadata.of(UUID.randomUUID(), OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED.name(), "exams",
                        Instant.now(), "test"),
                new ExamAttemptEvent(new ExamAttemptData(user, courseKey, usageKey, "proctored", user)));
    }
}
