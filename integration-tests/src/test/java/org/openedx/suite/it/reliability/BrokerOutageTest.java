package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/** Kafka goes away while authors keep working; when it comes back, everything they did arrives, once, in order. */
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

        ServiceDatabase discovery = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        await().atMost(Duration.ofMinutes(3)).until(() -> discovery.consumed(published.keySet()) == published.size());

        // on the wire: each event at least once, and per course the revisions in the order they were made
        List<KafkaTopics.Message> onTopic = KafkaTopics.readAll(suite.kafka().bootstrapServers(),
                suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED)).stream()
                .filter(m -> published.containsKey(m.metadata().id())).toList();
        Map<String, List<String>> revisionsPerCourse = new LinkedHashMap<>();
        List<UUID> seenIds = new ArrayList<>();
        for (KafkaTopics.Message message : onTopic) {
            if (seenIds.contains(message.metadata().id())) {
                continue;
            }
            seenIds.add(message.metadata().id());
            revisionsPerCourse.computeIfAbsent(message.key(), k -> new ArrayList<>())
                    .add(message.payload(CatalogInfoChangedEvent.class).catalogInfo().name());
        }
        List<String> inOrder = List.of("rev 1", "rev 2", "rev 3", "rev 4", "rev 5");
        assertThat(revisionsPerCourse).hasSize(COURSES).allSatisfy((key, revisions) ->
                assertThat(revisions).as(key).isEqualTo(inOrder));

        String discoveryUrl = suite.service(SuiteService.DISCOVERY).baseUrl();
        long latest = courseKeys.stream()
                .filter(key -> "rev 5".equals(Http.get(discoveryUrl + "/api/course-runs/" + key).json()
                        .path("title").asString()))
                .count();
        assertThat(latest).isEqualTo(COURSES);

        long applied = discovery.consumed(published.keySet());
        ReliabilityReport.record("Broker down", "Kafka stopped; " + published.size()
                        + " edits+publishes through CMS REST (all 200/202); Kafka started",
                published.size(), applied, published.size() - applied, discovery.appliedTwice(published.keySet()),
                "order per course on the topic: " + COURSES + "/" + COURSES + " in edit order; wire copies "
                        + onTopic.size() + " for " + seenIds.size() + " events");
    }
}
