package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.ServiceProcess;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The producer dies with events in its outbox, at either of the two moments that matter: before its relay sent them
 * (they must still go out: none lost), or after Kafka acknowledged them and before the relay deleted them from the
 * outbox (they go out again: the consumer must apply each once).
 */
class ProducerCrashTest {

    private static final int PUBLISHES = 200;
    private static final int ACKNOWLEDGED = 100;

    /**
     * The advisory lock OutboxRelay takes for each round ("outbox" in ASCII), so that one relay per database works at
     * a time. Holding it keeps the relay out; if it ever changed, the relay would publish before the test locks the
     * rows, and the test would fail on the rows it expects to lock.
     */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Test
    void events_committed_but_not_yet_published_when_the_producer_is_killed_are_published_after_restart() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.DISCOVERY);
        ServiceProcess cms = suite.service(SuiteService.CMS);
        ServiceDatabase cmsDb = new ServiceDatabase(suite, SuiteService.CMS);
        DiscoveryCatalog catalog = new DiscoveryCatalog(new ServiceDatabase(suite, SuiteService.DISCOVERY));
        List<UUID> ids = new ArrayList<>();

        // with the broker away, the relay cannot publish: every committed event stays between commit and publish
        suite.kafka().stop();
        try {
            ids.addAll(publishNewCourses(new Cms(cms.baseUrl()), "PCrash", PUBLISHES));
            assertThat(cmsDb.outboxPending()).isGreaterThanOrEqualTo(PUBLISHES);
            cms.kill();
        } finally {
            suite.kafka().start();
        }
        cms.start();

        await().atMost(Duration.ofMinutes(3)).until(() -> catalog.applied(ids) == PUBLISHES);
        await().atMost(Duration.ofMinutes(1)).until(() -> cmsDb.outboxPending() == 0);
        Effects effects = catalog.effectsOf(ids);
        long copies = copiesOnTopic(suite, ids).values().stream().mapToLong(Long::longValue).sum();
        assertThat(effects).isEqualTo(new Effects(PUBLISHES, PUBLISHES, 0, 0L));
        ReliabilityReport.record("Producer crash before sending", "Kafka stopped; " + PUBLISHES
                        + " publishes committed in CMS; CMS SIGKILLed with them in its outbox; Kafka and CMS restarted",
                effects, "outbox empty after restart; " + copies + " copies on the topic for " + ids.size()
                        + " events");
    }

    /**
     * The relay selects a batch without locking it, sends it, waits for Kafka's acknowledgements and deletes the
     * rows, all in one transaction. The test holds row locks on the pending rows, so the relay's delete waits after
     * Kafka has the events; the producer is killed there, and its transaction never commits.
     */
    @Test
    void events_kafka_acknowledged_before_the_producer_was_killed_are_sent_again_and_applied_once() throws Exception {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.DISCOVERY);
        ServiceProcess cms = suite.service(SuiteService.CMS);
        ServiceDatabase cmsDb = new ServiceDatabase(suite, SuiteService.CMS);
        DiscoveryCatalog catalog = new DiscoveryCatalog(new ServiceDatabase(suite, SuiteService.DISCOVERY));
        EventBusHealth discovery = new EventBusHealth(suite.service(SuiteService.DISCOVERY).baseUrl());
        long droppedBefore = discovery.duplicatesDropped();
        List<UUID> ids = new ArrayList<>();

        try (HeldTransaction held = HeldTransaction.open(cmsDb)) {
            // the relay skips its rounds while the test holds its lock: the publishes stay in the outbox
            held.run("SELECT pg_advisory_lock(?)", RELAY_LOCK);
            ids.addAll(publishNewCourses(new Cms(cms.baseUrl()), "PAcked", ACKNOWLEDGED));
            String locked = held.run("SELECT count(*) FROM (SELECT id FROM event_bus.outbox "
                    + "WHERE event_id = ANY (?) FOR UPDATE) AS pending", ids);
            assertThat(locked).as("outbox rows locked before the relay could publish them")
                    .isEqualTo(String.valueOf(ACKNOWLEDGED));
            held.run("SELECT pg_advisory_unlock(?)", RELAY_LOCK);

            await().atMost(Duration.ofMinutes(1)).until(() -> copiesOnTopic(suite, ids),
                    copies -> copies.size() == ACKNOWLEDGED);
            await().atMost(Duration.ofMinutes(1)).until(held::isWaitedOn);
            assertThat(copiesOnTopic(suite, ids).values()).as("each event on the topic once before the crash")
                    .containsOnly(1L);
            cms.kill();
        }
        cms.start();

        await().atMost(Duration.ofMinutes(2)).until(() -> cmsDb.outboxPending() == 0);
        // once discovery's group has committed past the last copy on each partition, it has consumed them all
        Map<TopicPartition, Long> ends = new HashMap<>();
        messagesOf(suite, ids).forEach(message -> ends.merge(new TopicPartition(message.topic(),
                message.partition()), message.offset() + 1, Math::max));
        ends.forEach((partition, end) -> await().atMost(Duration.ofMinutes(2)).until(() -> KafkaTopics
                .committedOffset(suite.kafka(), "discovery-service", partition) >= end));
        Map<UUID, Long> copies = copiesOnTopic(suite, ids);
        Effects effects = catalog.effectsOf(ids);
        long dropped = discovery.duplicatesDropped() - droppedBefore;

        assertThat(copies).as("the restarted relay sent every acknowledged event again").hasSize(ACKNOWLEDGED)
                .allSatisfy((id, count) -> assertThat(count).as("copies of %s", id).isEqualTo(2));
        assertThat(effects).isEqualTo(new Effects(ACKNOWLEDGED, ACKNOWLEDGED, 0, 0L));
        assertThat(dropped).as("second copies dropped by discovery").isEqualTo(ACKNOWLEDGED);
        ReliabilityReport.record("Producer crash after Kafka's ack", ACKNOWLEDGED + " publishes in CMS; the relay's "
                        + "delete of the sent outbox rows held by row locks; CMS SIGKILLed once Kafka had every event; "
                        + "CMS restarted", effects,
                "each event on the topic " + copies.values().stream().distinct().map(String::valueOf)
                        .collect(Collectors.joining("/")) + " times; discovery dropped " + dropped
                        + " second copies by ce_id");
    }

    private static List<UUID> publishNewCourses(Cms cms, String org, int count) {
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String courseKey = "course-v1:" + org + "+C" + batch + "+R" + i;
            cms.createCourse(courseKey, "Course " + i, "2026-09-01T00:00:00Z", null);
            ids.add(UUID.fromString(cms.publish(courseKey)));
        }
        return ids;
    }

    /** How many times each of these events is on the catalog topic; events not there are left out. */
    private static Map<UUID, Long> copiesOnTopic(Suite suite, Collection<UUID> ids) {
        return messagesOf(suite, ids).stream()
                .collect(Collectors.groupingBy(KafkaTopics.Message::eventId, Collectors.counting()));
    }

    /** Every copy of these events on the catalog topic. */
    private static List<KafkaTopics.Message> messagesOf(Suite suite, Collection<UUID> ids) {
        return KafkaTopics.readAll(suite.kafka(), suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED))
                .stream().filter(message -> ids.contains(message.eventId())).toList();
    }
}
