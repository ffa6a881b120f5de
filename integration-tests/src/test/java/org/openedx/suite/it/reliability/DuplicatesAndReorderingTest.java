package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.it.reliability.CertificateEvents.certificate;
import static org.openedx.suite.it.reliability.CertificateEvents.send;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.it.clients.Credentials;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/** Kafka delivers at least once and, across producers, in no promised order; the consumers make that harmless. */
class DuplicatesAndReorderingTest {

    @Test
    void the_same_event_delivered_three_times_is_applied_once() {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        ServiceDatabase discovery = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        String courseKey = "course-v1:Dup+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        UUID id = UUID.randomUUID();
        UUID marker;
        try (CatalogEvents events = new CatalogEvents(suite)) {
            for (int delivery = 0; delivery < 3; delivery++) {
                events.send(id, courseKey, "Delivered thrice", Instant.now());
            }
            marker = events.send(courseKey, "Delivered thrice", Instant.now());
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> discovery.consumed(List.of(marker)) == 1);
        long applied = discovery.consumed(List.of(id));
        assertThat(applied).isEqualTo(1);
        assertThat(discovery.appliedTwice(List.of(id))).isZero();
        ReliabilityReport.record("Duplicate delivery", "one catalog event (same ce_id) written 3 times", 3, applied,
                0, discovery.appliedTwice(List.of(id)), "applied once, two copies dropped by ce_id");
    }

    @Test
    void a_certificate_created_older_than_an_applied_revocation_is_ignored() {
        Suite suite = RunningSuite.with(SuiteService.CREDENTIALS);
        Credentials credentials = new Credentials(suite.service(SuiteService.CREDENTIALS).baseUrl());
        String courseKey = "course-v1:Order+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        String learner = "late_" + UUID.randomUUID().toString().substring(0, 6);
        Instant revokedAt = Instant.parse("2026-11-20T12:00:00Z");

        send(suite, OpenEdxEvents.CERTIFICATE_CREATED, certificate(learner, courseKey, "downloadable", ""),
                revokedAt.minusSeconds(3600));
        await().atMost(Duration.ofMinutes(1)).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("awarded")));
        send(suite, OpenEdxEvents.CERTIFICATE_REVOKED, certificate(learner, courseKey, "notpassing", "downloadable"),
                revokedAt);
        await().atMost(Duration.ofMinutes(1)).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("revoked")));

        // a redelivery from before the revocation, arriving after it
        UUID late = send(suite, OpenEdxEvents.CERTIFICATE_CREATED,
                certificate(learner, courseKey, "downloadable", "notpassing"), revokedAt.minusSeconds(60));
        ServiceDatabase db = new ServiceDatabase(suite, SuiteService.CREDENTIALS);
        await().atMost(Duration.ofMinutes(1)).until(() -> db.consumed(List.of(late)) == 1);

        assertThat(credentials.status(learner, courseKey)).contains("revoked");
        ReliabilityReport.record("Reordering", "certificate.created 60 s older than an applied certificate.revoked, "
                + "delivered after it", 1, 1, 0, 0, "ignored: the credential stays revoked");
    }
}
