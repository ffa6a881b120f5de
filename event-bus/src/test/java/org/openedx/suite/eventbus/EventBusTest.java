package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.openedx.suite.testsupport.KafkaTestClient.Outgoing;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ContextConfiguration(initializers = RealInfrastructure.class)
class EventBusTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Autowired EventPublisher publisher;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventBusTopics topics;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    @Test
    void an_event_published_in_a_committed_transaction_reaches_kafka_with_the_open_edx_envelope() {
        String courseKey = newCourseKey();
        Instant editedAt = Instant.parse("2026-11-25T10:15:30.123456Z");

        UUID eventId = transactions.execute(status ->
                publisher.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED, catalogInfo(courseKey, "Demo"), editedAt));

        Message message = await().atMost(EVENTUALLY).until(() -> find(catalogTopic(), eventId), m -> m != null);
        assertThat(message.key()).isEqualTo(courseKey);
        assertThat(message.headers()).containsEntry("ce_id", eventId.toString())
                .containsEntry("ce_type", "org.openedx.content_authoring.course.catalog_info.changed.v1")
                .containsEntry("ce_source", "openedx/cms/web")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_time", "2026-11-25T10:15:30.123456+00:00")
                .containsEntry("ce_minorversion", "0")
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_datacontenttype", "application/json")
                .containsKeys("sourcehost", "sourcelib");
        assertThat(message.value()).contains("\"course_key\":\"" + courseKey + "\"");
        assertThat(pendingOutboxEvents()).isZero();
    }

    @Test
    void an_event_whose_transaction_rolls_back_is_never_published() {
        String courseKey = newCourseKey();
        UUID[] rolledBack = new UUID[1];
        transactions.executeWithoutResult(status -> {
            rolledBack[0] = publisher.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED,
                    catalogInfo(courseKey, "Never"), Instant.now());
            status.setRollbackOnly();
        });
        UUID committed = transactions.execute(status -> publisher.publish(
                OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED, catalogInfo(courseKey, "Later"), Instant.now()));

        // the later event of the same key is out, so the rolled-back one would have been out before it
        await().atMost(EVENTUALLY).until(() -> find(catalogTopic(), committed), m -> m != null);
        assertThat(find(catalogTopic(), rolledBack[0])).isNull();
    }

    @Test
    void listeners_see_a_transactions_events_together_in_that_transaction_and_not_those_rolled_back() {
        String courseKey = newCourseKey();
        List<UUID> committed = transactions.execute(status -> List.of(
                publisher.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED, catalogInfo(courseKey, "A"), Instant.now()),
                publisher.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED, catalogInfo(courseKey, "B"),
                        Instant.now())));
        UUID[] rolledBack = new UUID[1];
        transactions.executeWithoutResult(status -> {
            rolledBack[0] = publisher.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED,
                    catalogInfo(courseKey, "Never"), Instant.now());
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForList("SELECT event_id FROM published_log WHERE message_key = ?", UUID.class,
                courseKey)).containsExactlyInAnyOrderElementsOf(committed);
        assertThat(jdbc.queryForList("SELECT DISTINCT batch_size || ' ' || source || ' ' || event_type"
                        + " FROM published_log WHERE message_key = ?", String.class, courseKey))
                .containsExactly("2 openedx/cms/web org.openedx.content_authoring.course.catalog_info.changed.v1");
        Message sent = await().atMost(EVENTUALLY).until(() -> find(catalogTopic(), committed.get(0)), m -> m != null);
        assertThat(sent.headers()).containsEntry("ce_id", committed.get(0).toString());
        assertThat(rolledBack[0]).isNotIn(committed);
    }

    @Test
    void publishing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> publisher.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED,
                catalogInfo(newCourseKey(), "Demo"), Instant.now()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void a_redelivered_event_is_applied_once_whether_its_copies_arrive_in_one_poll_or_in_several() {
        String courseKey = newCourseKey();
        Map<String, String> headers = headers(UUID.randomUUID(), Instant.now());
        Outgoing copy = new Outgoing(courseKey, json(catalogInfo(courseKey, "Once")), headers);

        new KafkaTestClient(bootstrapServers).sendTogether(catalogTopic(), List.of(copy, copy, copy));
        await().atMost(EVENTUALLY).until(() -> appliedCount(courseKey) == 1);
        send(courseKey, json(catalogInfo(courseKey, "Once")), headers);
        String marker = courseKey + "-marker";
        send(courseKey, json(catalogInfo(marker, "Marker")), headers(UUID.randomUUID(), Instant.now()));

        await().atMost(EVENTUALLY).until(() -> appliedCount(marker) == 1);
        assertThat(appliedCount(courseKey)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM catalog_log WHERE course_key = ?", Integer.class,
                courseKey)).as("the type's second handler, too, applied it once").isEqualTo(1);
    }

    @Test
    void an_older_event_arriving_after_a_newer_one_is_ignored() {
        String courseKey = newCourseKey();
        Instant newer = Instant.parse("2026-11-25T12:00:00Z");
        send(courseKey, json(catalogInfo(courseKey, "Newer")), headers(UUID.randomUUID(), newer));
        send(courseKey, json(catalogInfo(courseKey, "Older")), headers(UUID.randomUUID(), newer.minusSeconds(60)));
        String marker = courseKey + "-marker";
        send(courseKey, json(catalogInfo(marker, "Marker")), headers(UUID.randomUUID(), newer));

        await().atMost(EVENTUALLY).until(() -> appliedCount(marker) == 1);
        assertThat(name(courseKey)).isEqualTo("Newer");
    }

    @Test
    void within_one_poll_each_event_is_applied_unless_an_event_applied_before_it_is_newer() {
        String courseKey = newCourseKey();
        Instant t = Instant.parse("2026-11-25T12:00:00Z");

        new KafkaTestClient(bootstrapServers).sendTogether(catalogTopic(), List.of(
                outgoing(courseKey, "Second", t.plusSeconds(2)),
                outgoing(courseKey, "Stale", t.plusSeconds(1)),
                outgoing(courseKey, "Third", t.plusSeconds(3)),
                outgoing(courseKey, "Same time, later", t.plusSeconds(3)),
                outgoing(courseKey, "Stale again", t),
                outgoing(courseKey, "Final", t.plusSeconds(4))));

        await().atMost(EVENTUALLY).until(() -> "Final".equals(nameOrNull(courseKey)));
        assertThat(appliedCount(courseKey)).as("Second, Third, Same time later, Final").isEqualTo(4);
    }

    /**
     * A poll is applied together first; when that fails it is applied one by one to find the culprit, and when even
     * that fails only as the transaction commits, each record in a transaction of its own.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a handler that throws, " + EventBusTestApplication.ALWAYS_FAILS + ", cannot apply",
            "a constraint checked at commit, " + EventBusTestApplication.FAILS_AT_COMMIT + ", course_reference"})
    void a_failing_event_amid_a_poll_is_dead_lettered_alone_and_the_events_around_it_are_applied_exactly_once(
            String failure, String failingName, String cause) {
        String before = newCourseKey();
        String failing = newCourseKey();
        String after = newCourseKey();

        // one message key, so one partition and one poll
        new KafkaTestClient(bootstrapServers).sendTogether(catalogTopic(), List.of(
                new Outgoing(before, json(catalogInfo(before, "Before")), headers(UUID.randomUUID(), Instant.now())),
                new Outgoing(before, json(catalogInfo(failing, failingName)), headers(UUID.randomUUID(), Instant.now())),
                new Outgoing(before, json(catalogInfo(after, "After")), headers(UUID.randomUUID(), Instant.now()))));

        await().atMost(EVENTUALLY).until(() -> appliedCount(after) == 1);
        assertThat(await().atMost(EVENTUALLY).until(() -> deadLettersFor(before), letters -> letters.size() == 1)
                .get(0).header("kafka_dlt-exception-message")).contains(cause);
        assertThat(appliedCount(before)).isEqualTo(1);
        assertThat(appliedCount(failing)).isZero();
    }

    /**
     * A poll of four: before, flaky, failing, after. Applied together, the failing record fails the poll; applied one
     * by one, it is blamed (index 2) and the two before it are applied again without it, where the flaky one now fails
     * (its third try): the record before it must still be applied, since the error handler commits its offset.
     */
    @Test
    void when_the_records_before_a_failing_one_fail_again_alone_none_of_them_is_lost() {
        String before = newCourseKey();
        String flaky = newCourseKey();
        String failing = newCourseKey();
        String after = newCourseKey();

        new KafkaTestClient(bootstrapServers).sendTogether(catalogTopic(), List.of(
                new Outgoing(before, json(catalogInfo(before, "Before")), headers(UUID.randomUUID(), Instant.now())),
                new Outgoing(before, json(catalogInfo(flaky, EventBusTestApplication.FAILS_ON_THIRD_TRY)),
                        headers(UUID.randomUUID(), Instant.now())),
                new Outgoing(before, json(catalogInfo(failing, EventBusTestApplication.ALWAYS_FAILS)),
                        headers(UUID.randomUUID(), Instant.now())),
                new Outgoing(before, json(catalogInfo(after, "After")), headers(UUID.randomUUID(), Instant.now()))));

        await().atMost(EVENTUALLY).until(() -> appliedCount(after) == 1);
        assertThat(EventBusTestApplication.TRIES.get(flaky).get()).as("the flaky record lost its race")
                .isGreaterThanOrEqualTo(3);
        assertThat(appliedCount(before)).as("the record before the flaky one").isEqualTo(1);
        assertThat(appliedCount(flaky)).isEqualTo(1);
        assertThat(appliedCount(failing)).isZero();
        assertThat(await().atMost(EVENTUALLY).until(() -> deadLettersFor(before), letters -> letters.size() == 1)
                .get(0).header("kafka_dlt-exception-message")).contains("cannot apply");
    }

    @Test
    void unreadable_messages_go_to_the_dead_letter_topic_and_the_partition_moves_on() {
        String key = newCourseKey();
        UUID id = UUID.randomUUID();
        Map<String, String> noId = headers(UUID.randomUUID(), Instant.now());
        noId.remove("ce_id");
        Map<String, String> unknownType = headers(UUID.randomUUID(), Instant.now());
        unknownType.put("ce_type", "org.openedx.learning.nothing.like.this.v1");
        Map<String, String> brokenJson = headers(id, Instant.now());
        Map<String, String> breaksContract = headers(UUID.randomUUID(), Instant.now());
        Map<String, String> forgedSource = headers(UUID.randomUUID(), Instant.now());
        forgedSource.put("ce_source", "openedx/lms/web");

        // in one producer batch, so that the consumer meets them in one poll, poison and good alike
        new KafkaTestClient(bootstrapServers).sendTogether(catalogTopic(), List.of(
                new Outgoing(key, "{not json".getBytes(StandardCharsets.UTF_8), brokenJson),
                new Outgoing(key, json(catalogInfo(key, "No id")), noId),
                new Outgoing(key, json(catalogInfo(key, "Unknown type")), unknownType),
                new Outgoing(key, "{\"catalog_info\":{\"course_key\":\"x\"}}".getBytes(StandardCharsets.UTF_8),
                        breaksContract),
                new Outgoing(key, json(catalogInfo("edX/DemoX/2026", "Old-style key")),
                        headers(UUID.randomUUID(), Instant.now())),
                new Outgoing(key, json(catalogInfo(key, "Forged")), forgedSource),
                new Outgoing(key, json(catalogInfo(key, "Good")), headers(UUID.randomUUID(), Instant.now()))));

        await().atMost(EVENTUALLY).until(() -> appliedCount(key) == 1);
        List<Message> deadLetters = await().atMost(EVENTUALLY)
                .until(() -> deadLettersFor(key), letters -> letters.size() == 6);
        assertThat(deadLetters).allSatisfy(letter -> assertThat(letter.headers())
                .containsKeys("kafka_dlt-exception-fqcn", "kafka_dlt-exception-message", "kafka_dlt-original-topic"));
        assertThat(deadLetters).extracting(letter -> letter.header("kafka_dlt-exception-message"))
                .anySatisfy(cause -> assertThat(cause).contains("does not fit the contract"))
                .anySatisfy(cause -> assertThat(cause).contains("ce_id"))
                .anySatisfy(cause -> assertThat(cause).contains("unknown ce_type"))
                .anySatisfy(cause -> assertThat(cause).contains("catalog_info.course_key must be a course key"))
                .anySatisfy(cause -> assertThat(cause).contains("ce_source openedx/lms/web is not a producer of"));
        assertThat(deadLetterAttempts(key)).as("retrying cannot make a message readable: each was tried once")
                .containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(name(key)).isEqualTo("Good");
    }

    @Test
    void an_event_whose_handler_keeps_failing_is_dead_lettered_after_bounded_retries() {
        String key = newCourseKey();
        send(key, json(catalogInfo(key, EventBusTestApplication.ALWAYS_FAILS)), headers(UUID.randomUUID(), Instant.now()));
        send(key, json(catalogInfo(key, "After the failure")), headers(UUID.randomUUID(), Instant.now()));

        await().atMost(EVENTUALLY).until(() -> appliedCount(key) == 1);
        List<Message> deadLetters = await().atMost(EVENTUALLY)
                .until(() -> deadLettersFor(key), letters -> letters.size() == 1);
        assertThat(deadLetters.get(0).header("kafka_dlt-exception-message")).contains("cannot apply " + key);
        assertThat(deadLetterAttempts(key)).as("event-bus.consumer.attempts of the test application")
                .containsExactly(3);
        assertThat(name(key)).isEqualTo("After the failure");
    }

    private String catalogTopic() {
        return topics.topicOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }

    private List<Message> deadLettersFor(String key) {
        return new KafkaTestClient(bootstrapServers).readAll(topics.deadLetterTopicOf(catalogTopic())).stream()
                .filter(m -> key.equals(m.key())).toList();
    }

    /** How often the consumer tried each of the key's dead letters, as its dead-letter log records it. */
    private List<Integer> deadLetterAttempts(String key) {
        return jdbc.queryForList("SELECT attempts FROM event_bus.dead_letter WHERE message_key = ? ORDER BY id",
                Integer.class, key.getBytes(StandardCharsets.UTF_8));
    }

    private Message find(String topic, UUID eventId) {
        return new KafkaTestClient(bootstrapServers).readAll(topic).stream()
                .filter(m -> eventId.toString().equals(m.header("ce_id"))).findFirst().orElse(null);
    }

    private void send(String key, byte[] value, Map<String, String> headers) {
        new KafkaTestClient(bootstrapServers).send(catalogTopic(), key, value, headers);
    }

    private int appliedCount(String courseKey) {
        return jdbc.query("SELECT applied FROM course_run WHERE course_key = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, courseKey);
    }

    private String nameOrNull(String courseKey) {
        return jdbc.query("SELECT name FROM course_run WHERE course_key = ?", rs -> rs.next() ? rs.getString(1) : null,
                courseKey);
    }

    private static Outgoing outgoing(String courseKey, String name, Instant time) {
        return new Outgoing(courseKey, json(catalogInfo(courseKey, name)), headers(UUID.randomUUID(), time));
    }

    private String name(String courseKey) {
        return jdbc.queryForObject("SELECT name FROM course_run WHERE course_key = ?", String.class, courseKey);
    }

    private int pendingOutboxEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM event_bus.outbox", Integer.class);
    }

    private static Map<String, String> headers(UUID id, Instant time) {
        return new LinkedHashMap<>(EventMetadata.of(id, OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", time,
                "test-host").toHeaders());
    }

    private static byte[] json(CatalogInfoChangedEvent event) {
        return EventJson.write(event);
    }

    private static CatalogInfoChangedEvent catalogInfo(String courseKey, String name) {
        return new CatalogInfoChangedEvent(new CourseCatalogData(courseKey, name,
                new CourseScheduleData(Instant.parse("2027-01-01T00:00:00Z"), CourseScheduleData.SELF_PACED, null,
                        null, null), false, false));
    }

    private static String newCourseKey() {
        return "course-v1:edX+T" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
    }
}
