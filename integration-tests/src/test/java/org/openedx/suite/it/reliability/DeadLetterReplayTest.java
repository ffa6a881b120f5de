package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.it.clients.Credentials;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * An operator lists a service's dead letters ({@code GET /actuator/deadletters}), fixes the cause, and replays one
 * ({@code POST /actuator/deadletters/{id}}) or all pending ({@code POST /actuator/deadletters}): each event takes
 * effect exactly once, whatever else delivered it meanwhile, and a mistyped id replays nothing. The effects are read
 * through the services' APIs and their event-bus tables, not only from the endpoint's answer.
 */
class DeadLetterReplayTest {

    private static final Duration EVENTUALLY = Duration.ofMinutes(1);
    private static final long UNKNOWN_ID = 987_654_321L;

    @Test
    void an_exam_event_for_a_course_the_lms_did_not_know_yet_is_replayed_once_the_course_is_published() {
        Suite suite = RunningSuite.with(SuiteService.LMS);
        String lmsUrl = suite.service(SuiteService.LMS).baseUrl();
        Lms lms = new Lms(lmsUrl);
        String courseKey = "course-v1:Replay+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        String usageKey = courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@exam";
        String learner = "replayed_" + UUID.randomUUID().toString().substring(0, 6);
        long learnerId = lms.createUser(learner);
        UUID eventId = UUID.randomUUID();
        UserData user = new UserData(learnerId, true, new UserPersonalData(learner, learner + "@example.org", learner));
        KafkaTopics.produceEvent(suite.kafka(), suite.topic(Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE),
                courseKey, EventMetadata.of(eventId, OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED.name(), "exams",
                        Instant.now(), "test"),
                new ExamAttemptEvent(new ExamAttemptData(user, courseKey, usageKey, "proctored", user)));

        JsonNode letter = await().atMost(EVENTUALLY).until(() -> deadLetter(lmsUrl, eventId), Optional::isPresent)
                .get();
        assertThat(letter.path("error").asString()).isNotBlank();

        try (CatalogEvents events = new CatalogEvents(suite)) {
            events.send(courseKey, "Published late", Instant.now());
        }
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);

        var replayed = Http.post(lmsUrl + "/actuator/deadletters/" + letter.path("id").asLong(), Map.of());
        var again = Http.post(lmsUrl + "/actuator/deadletters/" + letter.path("id").asLong(), Map.of());

        assertThat(replayed.json().path("outcome").asString()).as("%s", replayed).isEqualTo("replayed");
        assertThat(again.json().path("outcome").asString()).isEqualTo("already replayed");
        assertThat(lms.completion(courseKey, learner, usageKey)).contains(1.0);
        assertThat(deadLetter(lmsUrl, eventId)).isEmpty();
        ServiceDatabase db = new ServiceDatabase(suite, SuiteService.LMS);
        assertThat(db.consumed(List.of(eventId))).isEqualTo(1);
        long seen = lms.completion(courseKey, learner, usageKey).filter(completion -> completion == 1.0).isPresent()
                ? 1 : 0;
        // the LMS overwrites the completion: a second application would leave no trace to count
        ReliabilityReport.record("Dead letter replayed", "exam event for a course unknown to the LMS dead-lettered; "
                        + "course published; POST /actuator/deadletters/{id} twice",
                Effects.withoutDuplicateCount(1, seen, 1 - seen),
                "first replay applied it (the exam complete in the LMS), the second answered 'already replayed'");
    }

    @Test
    void replaying_all_once_the_cause_is_fixed_applies_every_pending_dead_letter_exactly_once() {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY);
        String discovery = suite.service(SuiteService.DISCOVERY).baseUrl();
        ServiceDatabase db = new ServiceDatabase(suite, SuiteService.DISCOVERY);
        List<String> courseKeys = List.of(newCourseKey(), newCourseKey(), newCourseKey());
        RefusedWrites refusal = refuseCatalogOf(suite, courseKeys);
        Map<UUID, String> sent = sendCatalogEvents(suite, courseKeys);
        await().atMost(EVENTUALLY).until(() -> pendingDeadLetters(discovery, sent.keySet()).size() == sent.size());
        courseKeys.forEach(courseKey -> assertThat(courseRun(discovery, courseKey).status())
                .as("discovery's run %s before the replay", courseKey).isEqualTo(404));

        refusal.lift();
        Http.Response replayAll = Http.post(discovery + "/actuator/deadletters", Map.of());
        Http.Response replayAllAgain = Http.post(discovery + "/actuator/deadletters", Map.of());

        assertThat(replayAll.status()).as("%s", replayAll).isEqualTo(200);
        // other tests' poison messages may be pending in discovery too, and fail again: only ours are asserted
        assertThat(outcomes(replayAll, sent.keySet())).as("the outcomes of our dead letters in %s", replayAll)
                .hasSize(sent.size()).containsOnly("replayed");
        assertThat(outcomes(replayAllAgain, sent.keySet()))
                .as("outcomes of our dead letters in the second replay-all, which finds them no longer pending")
                .isEmpty();
        sent.forEach((eventId, courseKey) -> assertThat(courseRun(discovery, courseKey).json().path("title").asString())
                .as("the title of discovery's run %s", courseKey).isEqualTo(titleOf(courseKey)));
        assertThat(db.consumed(sent.keySet())).as("events recorded as consumed").isEqualTo(sent.size());
        Effects effects = new DiscoveryCatalog(db).effectsOf(sent.keySet());
        assertThat(effects).as("each replayed event in discovery's run history")
                .isEqualTo(new Effects(sent.size(), sent.size(), 0, 0L));
        assertThat(db.deadLettersSettled(sent.keySet())).as("dead letters marked replayed").isEqualTo(sent.size());
        assertThat(pendingDeadLetters(discovery, sent.keySet())).isEmpty();
        ReliabilityReport.record("Dead letters replayed all at once", "discovery refused to store " + sent.size()
                        + " catalog events; the refusal lifted; POST /actuator/deadletters twice", effects,
                "the first replay-all applied all of them, the second found none pending");
    }

    @Test
    void replaying_a_dead_letter_whose_event_was_applied_meanwhile_changes_nothing_and_says_so() {
        Suite suite = RunningSuite.with(SuiteService.CREDENTIALS);
        String credentialsUrl = suite.service(SuiteService.CREDENTIALS).baseUrl();
        Credentials credentials = new Credentials(credentialsUrl);
        ServiceDatabase db = new ServiceDatabase(suite, SuiteService.CREDENTIALS);
        String courseKey = newCourseKey();
        String learner = "meanwhile_" + UUID.randomUUID().toString().substring(0, 6);
        CertificateData certificate = CertificateEvents.certificate(learner, courseKey, "downloadable", "");
        UUID eventId = UUID.randomUUID();
        Instant eventTime = Instant.now();
        RefusedWrites refusal = RefusedWrites.of(suite, SuiteService.CREDENTIALS, "course_run_credential",
                "course_key", List.of(courseKey));
        CertificateEvents.send(suite, eventId, OpenEdxEvents.CERTIFICATE_CREATED, certificate, eventTime);
        JsonNode letter = await().atMost(EVENTUALLY).until(() -> deadLetter(credentialsUrl, eventId),
                Optional::isPresent).get();

        refusal.lift();
        // delivery is at least once: the LMS's relay sends the very same event again, and this time it is applied
        CertificateEvents.send(suite, eventId, OpenEdxEvents.CERTIFICATE_CREATED, certificate, eventTime);
        JsonNode credential = await().atMost(EVENTUALLY).until(() -> credentials.credential(learner, courseKey),
                Optional::isPresent).get();
        Http.Response replay = Http.post(credentialsUrl + "/actuator/deadletters/" + letter.path("id").asLong(),
                Map.of());

        assertThat(replay.status()).as("%s", replay).isEqualTo(200);
        assertThat(replay.json().path("outcome").asString()).as("%s", replay).isEqualTo("already applied");
        assertThat(credentials.credential(learner, courseKey)).as("the credential, after the replay")
                .contains(credential);
        assertThat(db.consumed(List.of(eventId))).as("the event recorded as consumed").isEqualTo(1);
        assertThat(db.deadLettersSettled(List.of(eventId))).as("the dead letter, settled").isEqualTo(1);
        assertThat(deadLetter(credentialsUrl, eventId)).as("the dead letter among the pending ones").isEmpty();
        long awarded = credentials.credential(learner, courseKey)
                .filter(c -> c.path("status").asString().equals("awarded")).isPresent() ? 1 : 0;
        // credentials overwrites the credential: a second application would leave no trace to count
        ReliabilityReport.record("Dead letter applied meanwhile", "credentials refused a certificate.created; the "
                        + "refusal lifted; the same event (same ce_id) delivered again; POST /actuator/deadletters/{id}",
                Effects.withoutDuplicateCount(1, awarded, 1 - awarded),
                "the credential awarded by the redelivery; the replay answered 'already applied' and changed nothing");
    }

    @Test
    void replaying_an_unknown_dead_letter_is_a_404_problem_and_replays_nothing() {
        Suite suite = RunningSuite.with(SuiteService.DISCOVERY, SuiteService.CREDENTIALS);
        String discovery = suite.service(SuiteService.DISCOVERY).baseUrl();
        // a dead letter ready to be replayed, which a mistyped id must leave alone
        String courseKey = newCourseKey();
        RefusedWrites refusal = refuseCatalogOf(suite, List.of(courseKey));
        UUID eventId = sendCatalogEvents(suite, List.of(courseKey)).keySet().iterator().next();
        JsonNode letter = await().atMost(EVENTUALLY).until(() -> deadLetter(discovery, eventId), Optional::isPresent)
                .get();
        refusal.lift();

        for (SuiteService service : List.of(SuiteService.DISCOVERY, SuiteService.CREDENTIALS)) {
            ServiceDatabase db = new ServiceDatabase(suite, service);
            long pending = db.count("SELECT count(*) FROM event_bus.dead_letter WHERE replayed_at IS NULL");
            long consumed = db.count("SELECT count(*) FROM event_bus.consumed_event");

            Http.Response replay = Http.post(suite.service(service).baseUrl() + "/actuator/deadletters/" + UNKNOWN_ID,
                    Map.of());

            assertThat(replay.status()).as("%s: %s", service.module(), replay).isEqualTo(404);
            assertThat(replay.contentType()).as("%s: %s", service.module(), replay)
                    .startsWith("application/problem+json");
            assertThat(replay.json().path("status").asInt()).as("%s: %s", service.module(), replay).isEqualTo(404);
            assertThat(replay.json().path("detail").asString()).as("%s: %s", service.module(), replay)
                    .contains(String.valueOf(UNKNOWN_ID));
            assertThat(db.count("SELECT count(*) FROM event_bus.dead_letter WHERE replayed_at IS NULL"))
                    .as("%s's pending dead letters", service.module()).isEqualTo(pending);
            assertThat(db.count("SELECT count(*) FROM event_bus.consumed_event"))
                    .as("%s's consumed events", service.module()).isEqualTo(consumed);
        }
        assertThat(deadLetter(discovery, eventId)).as("discovery's dead letter, still pending").isPresent();
        assertThat(courseRun(discovery, courseKey).status()).as("discovery's run %s", courseKey).isEqualTo(404);

        Http.Response replay = Http.post(discovery + "/actuator/deadletters/" + letter.path("id").asLong(), Map.of());
        assertThat(replay.json().path("outcome").asString()).as("the replay by its right id: %s", replay)
                .isEqualTo("replayed");
        assertThat(courseRun(discovery, courseKey).status()).as("discovery's run %s", courseKey).isEqualTo(200);
    }

    private static String newCourseKey() {
        return "course-v1:Replay+C" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
    }

    private static String titleOf(String courseKey) {
        return "Replayed " + courseKey;
    }

    /** Discovery fails on every attempt to store these runs: it cannot write their course (ORG+NUMBER). */
    private static RefusedWrites refuseCatalogOf(Suite suite, List<String> courseKeys) {
        List<String> courses = courseKeys.stream()
                .map(key -> key.substring("course-v1:".length(), key.lastIndexOf('+')))
                .toList();
        return RefusedWrites.of(suite, SuiteService.DISCOVERY, "course", "key", courses);
    }

    /** One catalog event per course, as the CMS would publish it; their ids, in order, with their course. */
    private static Map<UUID, String> sendCatalogEvents(Suite suite, List<String> courseKeys) {
        Map<UUID, String> sent = new LinkedHashMap<>();
        try (CatalogEvents events = new CatalogEvents(suite)) {
            for (String courseKey : courseKeys) {
                sent.put(events.send(courseKey, titleOf(courseKey), Instant.now()), courseKey);
            }
        }
        return sent;
    }

    private static Http.Response courseRun(String discoveryUrl, String courseKey) {
        return Http.get(discoveryUrl + "/api/course-runs/" + courseKey);
    }

    /** The outcome of each of these events' replays in a replay-all answer. */
    private static List<String> outcomes(Http.Response replayAll, Collection<UUID> eventIds) {
        // as text: a poison message's ce_id, which may be in the answer too, need not be a UUID
        Set<String> ids = eventIds.stream().map(UUID::toString).collect(Collectors.toSet());
        List<String> outcomes = new ArrayList<>();
        for (JsonNode result : replayAll.json().path("results")) {
            if (ids.contains(result.path("event_id").asString())) {
                outcomes.add(result.path("outcome").asString());
            }
        }
        return outcomes;
    }

    private static Optional<JsonNode> deadLetter(String baseUrl, UUID eventId) {
        return Optional.ofNullable(pendingDeadLetters(baseUrl, List.of(eventId)).get(eventId));
    }

    /** The pending dead letters of these events, as the endpoint lists them. */
    private static Map<UUID, JsonNode> pendingDeadLetters(String baseUrl, Collection<UUID> eventIds) {
        Map<UUID, JsonNode> pending = new LinkedHashMap<>();
        for (JsonNode letter : Http.get(baseUrl + "/actuator/deadletters").json()) {
            String eventId = letter.path("event_id").asString();
            for (UUID id : eventIds) {
                if (id.toString().equals(eventId)) {
                    pending.put(id, letter);
                }
            }
        }
        return pending;
    }
}
