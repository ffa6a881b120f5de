package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The producer dies after its transactions committed and before its relay published them. The events are in its
 * outbox, so they go out when it is back: none lost, none applied twice.
 */
class ProducerCrashTest {

    private static final int PUBLISHES = 200;

    @Test
    void events_committed_but_not_yet_published_when_the_producer_is_killed_are_published_after_restart() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.DISCOVERY);
        Cms cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        ServiceDatabase cmsDb = new ServiceDatabase(suite, SuiteService.CMS);
        ServiceDatabase discovery = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<UUID> ids = new ArrayList<>();

        // with the broker away, the relay cannot publish: every committed event stays between commit and publish
        suite.kafka().stop();
        try {
            for (int i = 0; i < PUBLISHES; i++) {
                String courseKey = "course-v1:PCrash+C" + batch + "+R" + i;
                cms.createCourse(courseKey, "Course " + i, "2026-09-01T00:00:00Z", null);
                ids.add(UUID.fromString(cms.publish(courseKey)));
            }
            long pendingAtCrash = cmsDb.outboxPending();
            assertThat(pendingAtCrash).isGreaterThanOrEqualTo(PUBLISHES);
            suite.service(SuiteService.CMS).kill();
        } finally {
            suite.kafka().start();
        }
        suite.service(SuiteService.CMS).start();
        suite.service(SuiteService.CMS).awaitHealthy(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(3)).until(() -> discovery.consumed(ids) == PUBLISHES);
        await().atMost(Duration.ofMinutes(1)).until(() -> cmsDb.outboxPending() == 0);
        long applied = discovery.consumed(ids);
        long twice = discovery.appliedTwice(ids);
        assertThat(twice).isZero();
        ReliabilityReport.record("Producer crash", "Kafka stopped; " + PUBLISHES
                        + " publishes committed in CMS; CMS SIGKILLed with them in its outbox; Kafka and CMS restarted",
                PUBLISHES, applied, PUBLISHES - applied, twice, "outbox empty after restart");
    }
}
