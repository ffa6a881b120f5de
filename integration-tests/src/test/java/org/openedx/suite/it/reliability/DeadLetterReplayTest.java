package org.openedx.suite.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/** An operator lists a service's dead letters, fixes the cause, and replays: the event takes effect exactly once. */
class DeadLetterReplayTest {

    private static final Duration EVENTUALLY = Duration.ofMinutes(1);

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
        KafkaTopics.produceEvent(suite.kafka().bootstrapServers(), suite.topic(Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE),
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
        ReliabilityReport.record("Dead letter replayed", "exam event for a course unknown to the LMS dead-lettered; "
                        + "course published; POST /actuator/deadletters/{id} twice", 1, db.consumed(List.of(eventId)),
                0, db.appliedTwice(List.of(eventId)), "first replay applied it, the second answered 'already replayed'");
    }

    private static Optional<JsonNode> deadLetter(String baseUrl, UUID eventId) {
        for (JsonNode letter : Http.get(baseUrl + "/actuator/deadletters").json()) {
            if (eventId.toString().equals(letter.path("event_id").asString())) {
                return Optional.of(letter);
            }
        }
        return Optional.empty();
    }
}
