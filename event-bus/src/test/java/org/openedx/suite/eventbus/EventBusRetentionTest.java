package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The event bus's bookkeeping loses its old rows, and only those: an old dedupe row goes while a redelivery of a recent
 * event is still dropped by its row; old versions go unless a dead letter waits; replayed dead letters go, waiting ones
 * stay; a batch at a time (2 rows here), however many there are.
 */
@SpringBootTest(properties = {"event-bus.retention.batch-size=2", "event-bus.retention.interval=1h"})
@ContextConfiguration(initializers = RealInfrastructure.class)
class EventBusRetentionTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Duration OLDER_THAN_EVERY_AGE = Duration.ofDays(40);

    @Autowired EventBusRetention retention;
    @Autowired InboundEventDispatcher dispatcher;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventBusTopics topics;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    @BeforeEach
    void noDeadLetterWaits() {
        jdbc.update("DELETE FROM event_bus.dead_letter");
    }

    @Test
    void old_dedupe_rows_go_and_a_redelivery_of_a_recent_event_is_still_dropped_by_its_row() {
        String old = course("Old");
        String recent = course("Recent");
        UUID oldEvent = UUID.randomUUID();
        UUID recentEvent = UUID.randomUUID();
        Instant now = Instant.now();
        send(old, oldEvent, now);
        send(recent, recentEvent, now);
        await().atMost(EVENTUALLY).until(() -> applied(old) == 1 && applied(recent) == 1);
        jdbc.update("UPDATE event_bus.consumed_event SET consumed_at = now() - interval '40 days' WHERE event_id = ?",
                oldEvent);

        EventBusRetention.Removed removed = retention.runOnce();

        assertThat(removed.consumedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(consumed(oldEvent)).isFalse();
        assertThat(consumed(recentEvent)).isTrue();

        long duplicatesBefore = dispatcher.duplicateCount();
        send(recent, recentEvent, now); // Kafka's redelivery of the very same record
        String marker = course("Marker");
        send(marker, UUID.randomUUID(), Instant.now());
        await().atMost(EVENTUALLY).until(() -> applied(marker) == 1);
        assertThat(applied(recent)).isEqualTo(1);
        assertThat(dispatcher.duplicateCount()).as("dropped by its ce_id").isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void versions_older_than_their_age_go_in_batches_unless_a_dead_letter_waits_for_a_replay() {
        String prefix = "retention-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            version(prefix + "-old-" + i, Instant.now().minus(OLDER_THAN_EVERY_AGE));
        }
        version(prefix + "-recent", Instant.now());
        deadLetter(null); // waiting for a replay: its event may be older than any version

        assertThat(retention.runOnce().entityVersions()).isZero();
        assertThat(versions(prefix)).isEqualTo(6);

        jdbc.update("UPDATE event_bus.dead_letter SET replayed_at = now()");
        EventBusRetention.Removed removed = retention.runOnce();

        assertThat(removed.entityVersions()).as("five old rows, two a batch").isEqualTo(5);
        assertThat(versions(prefix)).isEqualTo(1);
    }

    @Test
    void replayed_dead_letters_older_than_their_age_go_and_waiting_ones_stay() {
        deadLetter(Instant.now().minus(OLDER_THAN_EVERY_AGE));
        deadLetter(Instant.now());
        long waiting = deadLetter(null);
        jdbc.update("UPDATE event_bus.dead_letter SET failed_at = now() - interval '40 days' WHERE id = ?", waiting);

        assertThat(retention.runOnce().replayedDeadLetters()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_bus.dead_letter WHERE replayed_at IS NULL",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_bus.dead_letter", Long.class)).isEqualTo(2);
    }

    @Test
    void the_tables_sizes_are_measured() {
        jdbc.execute("ANALYZE event_bus.consumed_event");
        assertThat(retention.tableSizes()).containsOnlyKeys("consumed_event", "dead_letter", "entity_version",
                "outbox");
    }

    private static String course(String name) {
        return "course-v1:edX+" + name + UUID.randomUUID().toString().substring(0, 6) + "+2026";
    }

    private void version(String key, Instant time) {
        jdbc.update("INSERT INTO event_bus.entity_version (entity_type, entity_key, event_time, event_id) "
                + "VALUES ('retention-test', ?, ?, ?)", key, java.sql.Timestamp.from(time), UUID.randomUUID());
    }

    private long versions(String prefix) {
        return jdbc.queryForObject("SELECT count(*) FROM event_bus.entity_version WHERE entity_key LIKE ?",
                Long.class, prefix + "%");
    }

    /** A dead letter, replayed at {@code replayedAt} or (null) waiting; returns its id. */
    private long deadLetter(Instant replayedAt) {
        return jdbc.queryForObject("INSERT INTO event_bus.dead_letter (topic, kafka_partition, kafka_offset, headers, "
                + "error, replayed_at) VALUES ('retention-test', 0, nextval('event_bus.dead_letter_id_seq'), '{}', "
                + "'test', ?) RETURNING id", Long.class, replayedAt == null ? null
                : java.sql.Timestamp.from(replayedAt));
    }

    private boolean consumed(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM event_bus.consumed_event WHERE event_id = ?", Long.class,
                eventId) == 1;
    }

    private int applied(String courseKey) {
        return jdbc.query("SELECT applied FROM course_run WHERE course_key = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, courseKey);
    }

    private void send(String courseKey, UUID eventId, Instant eventTime) {
        var event = new CatalogInfoChangedEvent(new CourseCatalogData(courseKey, "Retention",
                new CourseScheduleData(Instant.parse("2027-01-01T00:00:00Z"), CourseScheduleData.SELF_PACED, null,
                        null, null), false, false));
        new KafkaTestClient(bootstrapServers).send(topics.topicOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED),
                courseKey, EventJson.write(event), EventMetadata.of(eventId,
                        OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", eventTime, "test").toHeaders());
    }
}
