package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Kafka goes away while authors keep working; when it comes back, everything they did arrives, once, in order: each
 * course's revisions are applied downstream in the order they were made, which is also the order they were sent.
 */
class BrokerOutageTest {

    private static final int COURSES = 100;
    private static final int REVISIONS = 5;

    @Test
    void five_hundred_changes_made_while_the_broker_is_down_all_arrive_once_and_in_order_per_course() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.DISCOVERY);
        Cms cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        String cmsUrl = suite.service(SuiteService.CMS).baseUrl();
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<String> courseKeys = new ArrayList<>();
        for (int i = 0; i < COURSES; i++) {
            String courseKey = "course-v1:Outage+C" + batch + i + "+2026";
            cms.createCourse(courseKey, "rev 0", "2026-09-01T00:00:00Z", null);
            courseKeys.add(courseKey);
        }

        suite.kafka().stop();
        Map<UUID, String> published = new LinkedHashMap<>();
        try {
            for (int revision = 1; revision <= REVISIONS; revision++) {
                for (String courseKey : courseKeys) {
                    var edited = Http.put(cmsUrl + "/api/courses/" + courseKey,
                            Map.of("name", "rev " + revision, "start", "2026-09-01T00:00:00Z"));
                    assertThat(edited.status()).as("%s", edited).isEqualTo(200);
                    published.put(UUID.fromString(cms.publish(courseKey)), courseKey);
                }
            }
            assertThat(new ServiceDatabase(suite, SuiteService.CMS).outboxPending())
                    .as("events wait in the outbox while the broker is down").isGreaterThanOrEqualTo(published.size());
        } finally {
            suite.kafka().start();
        }

        DiscoveryCatalog catalog = new DiscoveryCatalog(new ServiceDatabase(suite, SuiteService.DISCOVERY));
        await().atMost(Duration.ofMinutes(3)).until(() -> catalog.applied(published.keySet()) == published.size());

        Map<String, List<UUID>> madePerCourse = perCourse(published.entrySet().stream()
                .map(event -> Map.entry(event.getValue(), event.getKey())).toList());
        // on the wire: per course, the order the relay sent its revisions in (a copy sent again counts once)
        List<KafkaTopics.Message> onTopic = KafkaTopics.readAll(suite.kafka(),
                suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED)).stream()
                .filter(m -> published.containsKey(m.eventId())).toList();
        Map<String, List<UUID>> sentPerCourse = perCourse(onTopic.stream()
                .map(m -> Map.entry(m.key(), m.eventId())).toList());
        // downstream: per course, the revisions in the order discovery applied them, as its history rows say
        List<DiscoveryCatalog.Entry> history = catalog.historyOf(published.keySet());
        Map<String, List<UUID>> appliedPerCourse = perCourse(history.stream()
                .map(entry -> Map.entry(entry.key(), entry.eventId())).toList());
        Map<String, List<String>> titlesPerCourse = new LinkedHashMap<>();
        Map<String, List<Instant>> timesPerCourse = new LinkedHashMap<>();
        for (DiscoveryCatalog.Entry entry : history) {
            titlesPerCourse.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry.title());
            timesPerCourse.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry.modified());
        }

        List<String> inEditOrder = IntStream.rangeClosed(1, REVISIONS).mapToObj(r -> "rev " + r).toList();
        assertThat(sentPerCourse).as("sent in the order made, per course").isEqualTo(madePerCourse);
        assertThat(appliedPerCourse).as("applied in the order sent, per course").isEqualTo(sentPerCourse);
        assertThat(titlesPerCourse).hasSize(COURSES).allSatisfy((key, titles) ->
                assertThat(titles).as(key).isEqualTo(inEditOrder));
        assertThat(timesPerCourse).allSatisfy((key, times) -> assertThat(times).as(key).isSorted());
        assertThat(catalog.runs(courseKeys)).extracting(DiscoveryCatalog.Entry::title)
                .hasSize(COURSES).containsOnly("rev " + REVISIONS);
        Effects effects = catalog.effectsOf(published.keySet());
        assertThat(effects).isEqualTo(new Effects(published.size(), published.size(), 0, 0L));

        long inOrder = courseKeys.stream().filter(key -> madePerCourse.get(key).equals(sentPerCourse.get(key))
                && madePerCourse.get(key).equals(appliedPerCourse.get(key))).count();
        ReliabilityReport.record("Broker down", "Kafka stopped; " + published.size()
                        + " edits+publishes through CMS REST (all 200/202); Kafka started", effects,
                "courses whose revisions were sent and applied (discovery's history) in edit order: " + inOrder + "/"
                        + COURSES + "; wire copies " + onTopic.size() + " for " + published.size() + " events");
    }

    /** Event ids grouped by course, each course's in the order given, an id repeated counted once. */
    private static Map<String, List<UUID>> perCourse(List<Map.Entry<String, UUID>> events) {
        Map<String, List<UUID>> perCourse = new LinkedHashMap<>();
        for (Map.Entry<String, UUID> event : events) {
            List<UUID> ids = perCourse.computeIfAbsent(event.getKey(), k -> new ArrayList<>());
            if (!ids.contains(event.getValue())) {
                ids.add(event.getValue());
            }
        }
        return perCourse;
    }
}
