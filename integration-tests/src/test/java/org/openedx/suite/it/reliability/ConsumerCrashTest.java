package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/** The consumer dies mid-stream (SIGKILL, no goodbye) and comes back: every event takes effect exactly once. */
class ConsumerCrashTest {

    private static final int EVENTS = 2000;

    @Test
    void a_consumer_killed_in_the_middle_of_two_thousand_events_applies_each_exactly_once_after_restart()
            throws Exception {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        ServiceDatabase discovery = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        String batch = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> expected = new TreeMap<>();
        List<UUID> ids = new ArrayList<>();
        Instant time = Instant.now();

        try (CatalogEvents events = new CatalogEvents(suite)) {
            for (int i = 0; i < EVENTS; i++) {
                String courseKey = "course-v1:Crash+C" + batch + "+R" + i;
                String title = "Course " + i + " of batch " + batch;
                ids.add(events.send(courseKey, title, time));
                expected.put(courseKey, title);
            }
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> discovery.consumed(ids) >= EVENTS / 4);
        suite.service(SuiteService.DISCOVERY).kill();
        long appliedAtCrash = discovery.consumed(ids);
        suite.service(SuiteService.DISCOVERY).start();
        suite.service(SuiteService.DISCOVERY).awaitHealthy(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(3)).until(() -> discovery.consumed(ids) == EVENTS);
        String discoveryUrl = suite.service(SuiteService.DISCOVERY).baseUrl();
        Map<String, String> actual = new TreeMap<>();
        for (String courseKey : expected.keySet()) {
            var run = Http.get(discoveryUrl + "/api/course-runs/" + courseKey);
            if (run.status() == 200) {
                actual.put(courseKey, run.json().path("title").asString());
            }
        }
        long applied = discovery.consumed(ids);
        long twice = discovery.appliedTwice(ids);

        assertThat(applied).isEqualTo(EVENTS);
        assertThat(twice).isZero();
        assertThat(checksum(actual)).isEqualTo(checksum(expected));
        ReliabilityReport.record("Consumer crash", "discovery-service SIGKILLed after " + appliedAtCrash + " of "
                        + EVENTS + " events, restarted", EVENTS, applied, EVENTS - applied, twice,
                "checksum of the " + actual.size() + " course runs equals the expected one: " + checksum(actual)
                        .substring(0, 12));
    }

    private static String checksum(Map<String, String> rows) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        rows.forEach((key, title) -> sha.update((key + "|" + title + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
