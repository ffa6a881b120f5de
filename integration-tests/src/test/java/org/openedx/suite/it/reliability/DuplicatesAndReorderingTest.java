package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.it.reliability.CertificateEvents.certificate;
import static org.openedx.suite.it.reliability.CertificateEvents.send;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.it.clients.Credentials;
import org.openedx.suite.it.reliability.DiscoveryCatalog.Entry;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Kafka delivers at least once and, across producers, in no promised order; the consumers make that harmless. These
 * are the fault report's rows for duplicates and late events; the catalog flow test covers a late catalog event.
 */
class DuplicatesAndReorderingTest {

    private static final int COPIES = 3;

    @Test
    void the_same_event_delivered_three_times_is_applied_once() {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        DiscoveryCatalog catalog = new DiscoveryCatalog(new ServiceDatabase(suite, SuiteService.DISCOVERY));
        String courseKey = "course-v1:Dup+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        Instant time = EventTimes.truncate(Instant.now());
        Entry delivered = new Entry(UUID.randomUUID(), courseKey, "Delivered thrice", time);
        // newer, so that newest-wins lets it through whatever the copies did; same key, so it follows them
        Entry marker = new Entry(UUID.randomUUID(), courseKey, "The marker behind the copies", time.plusSeconds(1));
        try (CatalogEvents events = new CatalogEvents(suite)) {
            for (int copy = 0; copy < COPIES; copy++) {
                events.send(delivered.eventId(), courseKey, delivered.title(), delivered.modified());
            }
            events.send(marker.eventId(), courseKey, marker.title(), marker.modified());
        }

        // the marker is behind the copies on their partition: once it is applied, every copy has been consumed
        await().atMost(Duration.ofMinutes(1)).until(() -> catalog.applied(List.of(marker.eventId())) == 1);
        long copiesOnTopic = KafkaTopics.readAll(suite.kafka(),
                suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED)).stream()
                .filter(message -> delivered.eventId().equals(message.eventId())).count();
        Effects effects = catalog.effectsOf(List.of(delivered.eventId()));

        assertThat(copiesOnTopic).isEqualTo(COPIES);
        assertThat(catalog.historyOf(List.of(delivered.eventId(), marker.eventId())))
                .as("the run's history: the delivered event once, then the marker").containsExactly(delivered, marker);
        assertThat(catalog.runs(List.of(courseKey)))
                .containsExactly(new Entry(null, courseKey, marker.title(), marker.modified()));
        assertThat(effects).isEqualTo(new Effects(1, 1, 0, 0L));
        ReliabilityReport.record("Duplicate delivery", "one catalog event (same ce_id) written " + COPIES
                + " times, then a newer one for the same run", effects, copiesOnTopic + " copies on the topic; "
                + "discovery's history holds " + (effects.seen() + effects.duplicated()) + " row for it");
    }

    @Test
    void a_certificate_created_older_than_an_applied_revocation_is_ignored() {
        Suite suite = RunningSuite.with(SuiteService.CREDENTIALS);
        Credentials credentials = new Credentials(suite.service(SuiteService.CREDENTIALS).baseUrl());
        ServiceDatabase database = new ServiceDatabase(suite, SuiteService.CREDENTIALS);
        String courseKey = "course-v1:Order+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        String learner = "late_" + UUID.randomUUID().toString().substring(0, 6);
        Instant revokedAt = Instant.parse("2026-11-20T12:00:00Z");
        Instant createdAt = revokedAt.minusSeconds(3600);
        Instant lateAt = revokedAt.minusSeconds(60);
        // the time of the event last applied, as the credential showed it after each event was consumed
        List<Instant> modifiedSeen = new ArrayList<>();

        send(suite, OpenEdxEvents.CERTIFICATE_CREATED, certificate(learner, courseKey, "downloadable", ""), createdAt);
        modifiedSeen.add(modified(await().atMost(Duration.ofMinutes(1)).until(
                () -> credentials.credential(learner, courseKey), c -> hasStatus(c, "awarded"))));
        send(suite, OpenEdxEvents.CERTIFICATE_REVOKED, certificate(learner, courseKey, "notpassing", "downloadable"),
                revokedAt);
        modifiedSeen.add(modified(await().atMost(Duration.ofMinutes(1)).until(
                () -> credentials.credential(learner, courseKey), c -> hasStatus(c, "revoked"))));
        // a redelivery from before the revocation, arriving after it
        UUID late = send(suite, OpenEdxEvents.CERTIFICATE_CREATED,
                certificate(learner, courseKey, "downloadable", "notpassing"), lateAt);
        await().atMost(Duration.ofMinutes(1)).until(() -> database.consumed(List.of(late)) == 1);
        Optional<JsonNode> afterLate = credentials.credential(learner, courseKey);
        modifiedSeen.add(modified(afterLate));

        assertThat(afterLate).hasValueSatisfying(credential ->
                assertThat(credential.path("status").asString()).isEqualTo("revoked"));
        assertThat(modifiedSeen).as("modified after each event").containsExactly(createdAt, revokedAt, revokedAt);
        List<Instant> sent = List.of(createdAt, revokedAt, lateAt);
        long seen = sent.stream().filter(modifiedSeen::contains).count();
        long dueToApply = sent.stream().filter(time -> !time.equals(lateAt)).count();
        // credentials overwrites the credential and keeps no per-event record: a second application would not show
        ReliabilityReport.record("Reordering", "certificate.created, certificate.revoked, then a certificate.created "
                        + "60 s older than the revocation", Effects.withoutDuplicateCount(sent.size(), seen,
                        dueToApply - seen),
                "the late event was consumed and ignored: the credential stays revoked, modified at the revocation");
    }

    /**
     * Insights (issue 15): Open edX keys tracking logs by name, so a learner's {@code now_passed} and an older
     * {@code now_failed} travel on different partitions and may arrive in either order; the passing figure follows the
     * newer. The {@code now_passed} log delivered three times, and once more under a new {@code ce_id} (a producer
     * that sent it twice), is one statement.
     */
    @Test
    void insights_keeps_a_learners_newer_passing_over_an_older_failing_that_arrives_after_it_and_stores_a_log_once() {
        Suite suite = RunningSuite.with(SuiteService.INSIGHTS);
        String insightsUrl = suite.service(SuiteService.INSIGHTS).baseUrl();
        String courseKey = "course-v1:Order+T" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        long learnerId = 8_000_000L + new java.util.Random().nextInt(1_000_000);
        Instant passedAt = EventTimes.truncate(Instant.now());
        Instant failedAt = passedAt.minusSeconds(60);
        String data = TrackingLogs.data(learnerId, courseKey, "");
        String context = TrackingLogs.context(courseKey);
        UUID passed = UUID.randomUUID();

        for (int copy = 0; copy < COPIES; copy++) {
            TrackingLogs.sendFromLms(suite, passed, "edx.course.grade.now_passed", passedAt, data, context);
        }
        TrackingLogs.sendFromLms(suite, UUID.randomUUID(), "edx.course.grade.now_passed", passedAt, data, context);
        await().atMost(Duration.ofMinutes(1)).until(() -> figures(insightsUrl, courseKey)
                .map(figures -> figures.path("passing").path("passed").asLong() == 1).orElse(false));
        UUID late = UUID.randomUUID();
        RecordMetadata lateWritten = TrackingLogs.sendFromLms(suite, late, "edx.course.grade.now_failed", failedAt,
                data, context);
        TopicPartition partition = new TopicPartition(lateWritten.topic(), lateWritten.partition());
        await().atMost(Duration.ofMinutes(1)).until(() -> KafkaTopics.committedOffset(suite.kafka(),
                "insights-service", partition) > lateWritten.offset());
        JsonNode figures = figures(insightsUrl, courseKey).orElseThrow();

        assertThat(figures.path("passing").path("passed").asLong()).as("passed, after the older failing").isEqualTo(1);
        assertThat(figures.path("passing").path("failed").asLong()).isZero();
        assertThat(figures.path("statements").asLong()).as("one statement per log: passed once, failed once")
                .isEqualTo(2);
        long sent = 2;
        ReliabilityReport.record("Duplicates and reordering (insights)", "a learner's now_passed delivered "
                        + COPIES + " times and once under a new ce_id, then a now_failed 60 s older",
                new Effects(sent, figures.path("statements").asLong(), sent - figures.path("statements").asLong(),
                        figures.path("statements").asLong() - sent),
                "one statement each; the late now_failed was stored but the passing figure kept the newer passed");
    }

    private static Optional<JsonNode> figures(String insightsUrl, String courseKey) {
        var answer = Http.get(insightsUrl + "/api/courses/" + courseKey + "/insights");
        return answer.status() == 200 ? Optional.of(answer.json()) : Optional.empty();
    }

    private static boolean hasStatus(Optional<JsonNode> credential, String status) {
        return credential.map(c -> c.path("status").asString().equals(status)).orElse(false);
    }

    private static Instant modified(Optional<JsonNode> credential) {
        return OffsetDateTime.parse(credential.orElseThrow().path("modified").asString()).toInstant();
    }
}
