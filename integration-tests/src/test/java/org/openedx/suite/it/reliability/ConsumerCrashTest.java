package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.it.reliability.DiscoveryCatalog.Entry;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.ServiceProcess;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The consumer dies mid-stream (SIGKILL, no goodbye) and comes back: every event takes effect exactly once.
 *
 * <p>Mid-stream is arranged, not hoped for: discovery applies a poll of events in one transaction, which starts by
 * recording their ce_ids. The test first inserts, without committing, the ce_id of the event in the middle of the
 * stream; discovery's transaction for the poll holding that event then waits on the test's, so that partition stops
 * there while the others run to their end. Discovery is killed in that state, with a transaction open.
 *
 * <p>A consumer killed after committing a poll's effects and before committing its offsets is sent that poll again.
 * The test makes that worst case certain, and as wide as it gets: while discovery is down it moves the group's
 * offsets back to the first of the test's events, so everything applied before the crash is delivered again.
 */
class ConsumerCrashTest {

    private static final int EVENTS = 2000;
    private static final String GROUP = "discovery-service";

    @Test
    void a_consumer_killed_in_the_middle_of_two_thousand_events_applies_each_exactly_once_after_restart()
            throws Exception {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        ServiceProcess discovery = suite.service(SuiteService.DISCOVERY);
        ServiceDatabase database = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        DiscoveryCatalog catalog = new DiscoveryCatalog(database);
        String batch = UUID.randomUUID().toString().substring(0, 6);
        // the wire carries microseconds: what discovery stores is then exactly what was sent
        Instant time = EventTimes.truncate(Instant.now());
        List<Entry> sent = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            sent.add(new Entry(UUID.randomUUID(), "course-v1:Crash+C" + batch + "+R" + i,
                    "Course " + i + " of batch " + batch, time));
        }
        List<UUID> ids = sent.stream().map(Entry::eventId).toList();
        Entry middle = sent.get(EVENTS / 2);

        long appliedAtCrash;
        Map<UUID, RecordMetadata> written = new LinkedHashMap<>();
        try (HeldTransaction held = HeldTransaction.open(database)) {
            // discovery's insert of this ce_id waits for the test's uncommitted one, which is rolled back at the end
            held.run("""
                    INSERT INTO event_bus.consumed_event (event_id, event_type, topic, kafka_partition, kafka_offset,
                                                         event_time)
                    VALUES (?, ?, 'held by ConsumerCrashTest', 0, 0, now()) RETURNING event_id
                    """, middle.eventId(), OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name());
            written.putAll(publish(suite, sent));
            int stoppedPartition = written.get(middle.eventId()).partition();
            List<UUID> elsewhere = ids.stream().filter(id -> written.get(id).partition() != stoppedPartition)
                    .toList();
            await().atMost(Duration.ofMinutes(2)).until(() -> held.isWaitedOn()
                    && catalog.applied(elsewhere) == elsewhere.size());
            appliedAtCrash = catalog.applied(ids);
            discovery.kill();
        }
        assertThat(appliedAtCrash).as("events applied when discovery was killed").isStrictlyBetween(0L,
                (long) EVENTS);

        Map<TopicPartition, Long> firstOffsets = firstOffsets(written);
        // Kafka refuses while the killed consumer is still a member of the group, until its session times out
        await().atMost(Duration.ofMinutes(2)).until(() -> KafkaTopics.rewind(suite.kafka(),
                GROUP, firstOffsets));
        discovery.start();
        await().atMost(Duration.ofMinutes(3)).until(() -> catalog.applied(ids) == EVENTS);

        Effects effects = catalog.effectsOf(ids);
        long dropped = new EventBusHealth(discovery.baseUrl()).duplicatesDropped();
        List<String> keys = sent.stream().map(Entry::key).toList();
        String actual = checksum(Stream.concat(catalog.historyOf(ids).stream(), catalog.runs(keys).stream()));
        String expected = checksum(Stream.concat(sent.stream(), sent.stream()
                .map(event -> new Entry(null, event.key(), event.title(), event.modified()))));

        assertThat(effects).isEqualTo(new Effects(EVENTS, EVENTS, 0, 0L));
        assertThat(dropped).as("the events applied before the crash, delivered again and dropped by ce_id")
                .isEqualTo(appliedAtCrash);
        assertThat(actual).as("checksum of discovery's history and run rows").isEqualTo(expected);
        ReliabilityReport.record("Consumer crash", "discovery-service SIGKILLed with a poll's transaction open, after "
                        + appliedAtCrash + " of " + EVENTS + " events; its offsets rewound to the first event; "
                        + "restarted", effects,
                dropped + " redeliveries dropped by ce_id; checksum of the " + EVENTS + " history rows and "
                        + keys.size() + " runs equals the one computed from what was sent: " + actual.substring(0, 12));
    }

    private static Map<UUID, RecordMetadata> publish(Suite suite, List<Entry> events) {
        Map<UUID, Future<RecordMetadata>> sending = new LinkedHashMap<>();
        try (CatalogEvents producer = new CatalogEvents(suite)) {
            for (Entry event : events) {
                sending.put(event.eventId(), producer.send(event.eventId(), event.key(), event.title(),
                        event.modified()));
            }
        }
        Map<UUID, RecordMetadata> written = new LinkedHashMap<>();
        sending.forEach((id, future) -> written.put(id, CatalogEvents.written(future)));
        return written;
    }

    private static Map<TopicPartition, Long> firstOffsets(Map<UUID, RecordMetadata> written) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (RecordMetadata record : written.values()) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        return first;
    }

    /** SHA-256 over the rows in a fixed order, whatever order they come in. */
    private static String checksum(Stream<Entry> rows) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        rows.map(Entry::toString).sorted()
                .forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
