package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_ERRORED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_REJECTED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_RESET;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_VERIFIED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.eventbus.ArrayParameters;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.ExamEvent;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.lms.Lms.Published;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The LMS applies the exam events of a poll together, and ends exactly where applying them one at a time ends: the
 * same grades, overrides, completion, credit requirements and certificates, and the same passing-status and
 * certificate events.
 * <p>
 * Each learner below has a story: a set-up over REST, then a sequence of exam events, out-of-order and redelivered
 * ones included. The stories of a group of learners go out interleaved in one producer batch, keyed by their course,
 * so that the LMS consumes them in one poll; the same stories go out for twin learners, set up the same way, one event
 * at a time, each applied before the next is sent. Every twin must end like its sibling, and both as the story says.
 */
@LmsServiceTest
class ExamEventBatchesTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Lms lms;
    @Autowired MeterRegistry meters;

    Course course;
    Instant t;

    /**
     * How often the event bus found a poll failing as a whole and applied it again one event at a time. That would
     * end in the right state too, and so hide a batch that cannot be applied together.
     */
    private double pollsAppliedOneByOne() {
        return meters.get("event_bus.polls.applied_one_by_one").functionCounter().count();
    }

    @BeforeEach
    void aCreditCourse() {
        course = lms.newCourse("Batched Exams");
        lms.gradingPolicy(course, "0.5", true);
        t = Instant.now();
    }

    @Test
    void a_poll_of_exam_events_ends_where_applying_them_one_at_a_time_ends() {
        List<Story> stories = List.of(
                new Story("passes; is rejected, then verified; an older rejection arrives late and is ignored",
                        learner -> verifiedWithScores(learner, 8, 4),
                        List.of(step(EXAM_ATTEMPT_SUBMITTED, "exam1", 1), step(EXAM_ATTEMPT_REJECTED, "exam1", 2),
                                step(EXAM_ATTEMPT_VERIFIED, "exam1", 3), step(EXAM_ATTEMPT_REJECTED, "exam1", 0),
                                step(EXAM_ATTEMPT_SUBMITTED, "exam2", 1)),
                        List.of(true, false, true), List.of("created downloadable 0.6", "revoked notpassing 0.2",
                                "revoked unavailable 0.2")),
                new Story("goes through submitted, verified, reset, submitted on a scored exam and rejected, verified,"
                        + " rejected, reset on an unscored one, whose rejection is then redelivered; both had events"
                        + " before the poll, so the poll removes stored rows and wants them back",
                        learner -> {
                            verifiedWithScores(learner, 6, 2);
                            beforeThePoll(EXAM_ATTEMPT_SUBMITTED, learner, "exam1");
                            beforeThePoll(EXAM_ATTEMPT_REJECTED, learner, "exam2");
                        },
                        List.of(step(EXAM_ATTEMPT_SUBMITTED, "exam1", 1), step(EXAM_ATTEMPT_REJECTED, "exam2", 1),
                                step(EXAM_ATTEMPT_VERIFIED, "exam1", 2), step(EXAM_ATTEMPT_VERIFIED, "exam2", 2),
                                step(EXAM_ATTEMPT_RESET, "exam1", 3), step(EXAM_ATTEMPT_REJECTED, "exam2", 3),
                                step(EXAM_ATTEMPT_SUBMITTED, "exam1", 4), step(EXAM_ATTEMPT_RESET, "exam2", 3),
                                redeliveryOf(5)),
                        List.of(), List.of()),
                new Story("passes exactly at the line; errs; a rejection makes them stop passing; a reset; an older"
                        + " submission arrives late and is ignored",
                        learner -> verifiedWithScores(learner, 9, 1),
                        List.of(step(EXAM_ATTEMPT_ERRORED, "exam2", 1), step(EXAM_ATTEMPT_REJECTED, "exam1", 2),
                                step(EXAM_ATTEMPT_RESET, "exam1", 3), step(EXAM_ATTEMPT_SUBMITTED, "exam1", 2)),
                        List.of(true, false), List.of("created downloadable 0.5", "revoked notpassing 0.05",
                                "revoked unavailable 0.05")),
                new Story("audits without a score; a verification lifts a rejection from before the poll, a new"
                        + " rejection brings it back",
                        learner -> {
                            lms.enroll(learner, course, "audit");
                            beforeThePoll(EXAM_ATTEMPT_REJECTED, learner, "exam1");
                        },
                        List.of(step(EXAM_ATTEMPT_VERIFIED, "exam1", 1), step(EXAM_ATTEMPT_SUBMITTED, "exam2", 1),
                                step(EXAM_ATTEMPT_REJECTED, "exam1", 2), step(EXAM_ATTEMPT_ERRORED, "exam2", 2)),
                        List.of(), List.of()),
                new Story("crosses the passing line four times in one poll; the certificate, once invalidated, stays",
                        learner -> verifiedWithScores(learner, 10, 0),
                        List.of(step(EXAM_ATTEMPT_REJECTED, "exam1", 1), step(EXAM_ATTEMPT_VERIFIED, "exam1", 2),
                                step(EXAM_ATTEMPT_REJECTED, "exam1", 3), step(EXAM_ATTEMPT_VERIFIED, "exam1", 4)),
                        List.of(true, false, true, false, true), List.of("created downloadable 0.5",
                                "revoked notpassing 0.0", "revoked unavailable 0.0")),
                new Story("earns a certificate in the poll, when a verification lifts an earlier rejection, and loses"
                        + " it in the same poll",
                        this::rejectedBeforeScoring,
                        List.of(step(EXAM_ATTEMPT_VERIFIED, "exam1", 1), step(EXAM_ATTEMPT_REJECTED, "exam1", 2)),
                        List.of(true, false), List.of("created downloadable 0.6", "revoked notpassing 0.2",
                                "revoked unavailable 0.2")));
        List<Learner> together = stories.stream().map(this::setUp).toList();
        List<Learner> oneAtATime = stories.stream().map(this::setUp).toList();

        List<ExamEvent> poll = interleaved(stories, together);
        double fallbacksBefore = pollsAppliedOneByOne();
        lms.examsTogether(poll);
        awaitApplied(poll);
        assertThat(pollsAppliedOneByOne()).as("polls that failed as a whole").isEqualTo(fallbacksBefore);
        for (ExamEvent event : interleaved(stories, oneAtATime)) {
            lms.exam(event);
            awaitApplied(List.of(event));   // a redelivery was recorded before: it does not hold the next one back
        }

        for (int i = 0; i < stories.size(); i++) {
            Story story = stories.get(i);
            Learner learner = together.get(i);
            Learner twin = oneAtATime.get(i);
            assertThat(state(learner)).as(story.story()).isEqualTo(state(twin));
            await().atMost(Lms.EVENTUALLY).untilAsserted(() -> {
                assertThat(passing(learner)).as(story.story()).isEqualTo(story.passing()).isEqualTo(passing(twin));
                assertThat(certificateEvents(learner)).as(story.story()).isEqualTo(certificateEvents(twin))
                        .extracting(CertificateEvent::brief).isEqualTo(story.certificates());
            });
        }
        // three stories in full, as the spec reads
        lms.grades(course, together.get(1)).expectBody().json("""
                {"percent": 0.1, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 0.0, "possible": 10.0, "override": null},
                  {"usage_key": "%s", "earned": 2.0, "possible": 10.0, "override": null}]}"""
                .formatted(course.block("exam1"), course.block("homework")));
        lms.completion(course, together.get(1)).expectBody().json("""
                [{"usage_key": "%s", "completion": 1.0}]""".formatted(course.block("exam1")));
        lms.credit(course, together.get(1)).expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "submitted"}]""".formatted(course.block("exam1")));
        lms.grades(course, together.get(3)).expectBody().json("""
                {"percent": 0.0, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 0.0, "possible": 0.0,
                   "override": {"earned": 0.0, "feature": "proctoring"}}]}""".formatted(course.block("exam1")));
        lms.credit(course, together.get(3)).expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "failed"},
                 {"namespace": "exam", "name": "%s", "status": "failed"}]"""
                .formatted(course.block("exam1"), course.block("exam2")));
        lms.grades(course, together.get(5)).expectBody().json("""
                {"percent": 0.2, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 8.0, "override": {"earned": 0.0, "feature": "proctoring"}},
                  {"usage_key": "%s", "earned": 4.0, "override": null}]}"""
                .formatted(course.block("exam1"), course.block("homework")));
        lms.certificates(together.get(5)).expectBody().json("""
                [{"course_key": "%s", "status": "unavailable", "download_url": ""}]""".formatted(course.key()));
    }

    @Test
    void an_event_for_an_unknown_learner_amid_a_poll_is_dead_lettered_alone_and_the_others_apply() {
        Learner ada = lms.newLearner();
        Learner bob = lms.newLearner();
        lms.enroll(ada, course, "verified");
        lms.enroll(bob, course, "verified");
        UserData stranger = new UserData(9_000_000_000L + (long) (Math.random() * 1_000_000), true,
                new UserPersonalData("stranger", "stranger@example.com", "Stranger"));
        ExamEvent strangers = new ExamEvent(EXAM_ATTEMPT_SUBMITTED, stranger, course.key(), course.block("exam1"), t,
                UUID.randomUUID());
        // the events before the stranger's are applied again one by one, in one transaction, where the newest must
        // still win: Ada's older verification is ignored
        List<ExamEvent> before = List.of(exam(EXAM_ATTEMPT_SUBMITTED, ada, "exam1", t),
                exam(EXAM_ATTEMPT_REJECTED, ada, "exam2", t.plusMillis(2)),
                exam(EXAM_ATTEMPT_VERIFIED, ada, "exam2", t.plusMillis(1)));
        List<ExamEvent> after = List.of(exam(EXAM_ATTEMPT_SUBMITTED, bob, "exam1", t),
                exam(EXAM_ATTEMPT_ERRORED, bob, "exam2", t));
        List<ExamEvent> others = Stream.concat(before.stream(), after.stream()).toList();

        lms.examsTogether(Stream.of(before, List.of(strangers), after).flatMap(List::stream).toList());

        await().atMost(Lms.EVENTUALLY)
                .until(() -> lms.deadLetters(EXAM_ATTEMPT_SUBMITTED, course.key()), letters -> !letters.isEmpty());
        awaitApplied(others);
        assertThat(lms.deadLetters(EXAM_ATTEMPT_SUBMITTED, course.key())).singleElement().satisfies(letter -> {
            assertThat(letter.header("ce_id")).isEqualTo(strangers.id().toString());
            assertThat(letter.header("kafka_dlt-exception-message"))
                    .contains("no learner with LMS user id " + stranger.id());
        });
        String exam1Completed = """
                [{"usage_key": "%s", "completion": 1.0}]""".formatted(course.block("exam1"));
        String exam1SubmittedExam2Failed = """
                [{"namespace": "exam", "name": "%s", "status": "submitted"},
                 {"namespace": "exam", "name": "%s", "status": "failed"}]"""
                .formatted(course.block("exam1"), course.block("exam2"));
        for (Learner learner : List.of(ada, bob)) {
            lms.completion(course, learner).expectBody().json(exam1Completed);
            lms.credit(course, learner).expectBody().json(exam1SubmittedExam2Failed);
        }
        lms.grades(course, ada).expectBody().json("""
                {"subsections": [{"usage_key": "%s", "override": {"earned": 0.0, "feature": "proctoring"}}]}"""
                .formatted(course.block("exam2")));
    }

    // ---- the stories

    /**
     * @param setUp        what happens to the learner before the poll
     * @param steps        the learner's events in the poll, in the order they are sent
     * @param passing      every passing status announced for the learner, the set-up's included
     * @param certificates every certificate event announced for the learner: type, status and grade
     */
    private record Story(String story, Consumer<Learner> setUp, List<Step> steps, List<Boolean> passing,
                         List<String> certificates) {
    }

    /** An event of the poll, at a time in milliseconds after {@code t}; or the redelivery of an earlier step. */
    private record Step(EventType<ExamAttemptEvent> type, String block, long millis, int redeliveryOf) {
    }

    private static Step step(EventType<ExamAttemptEvent> type, String block, long millis) {
        return new Step(type, block, millis, -1);
    }

    /** The step of that index sent again: the same event, with the same {@code ce_id}. */
    private static Step redeliveryOf(int step) {
        return new Step(null, null, 0, step);
    }

    /** Enrolled verified, scored on homework and then on exam1, each of 10 points: crossing the line once at most. */
    private void verifiedWithScores(Learner learner, int exam1, int homework) {
        lms.enroll(learner, course, "verified");
        lms.score(course, learner, course.block("homework"), homework, 10);
        lms.score(course, learner, course.block("exam1"), exam1, 10);
    }

    /** Rejected on exam1 before any score, then scored 8 and 4 of 10: 0.2 with the override, 0.6 without. */
    private void rejectedBeforeScoring(Learner learner) {
        lms.enroll(learner, course, "verified");
        beforeThePoll(EXAM_ATTEMPT_REJECTED, learner, "exam1");
        lms.score(course, learner, course.block("exam1"), 8, 10);
        lms.score(course, learner, course.block("homework"), 4, 10);
    }

    /** An event older than the poll's, sent and applied on its own. */
    private void beforeThePoll(EventType<ExamAttemptEvent> type, Learner learner, String block) {
        ExamEvent event = exam(type, learner, block, t.minusSeconds(60));
        lms.exam(event);
        awaitApplied(List.of(event));
    }

    private Learner setUp(Story story) {
        Learner learner = lms.newLearner();
        story.setUp().accept(learner);
        return learner;
    }

    /** The stories' events for their learners, taking turns: a step of each learner, then the next of each. */
    private List<ExamEvent> interleaved(List<Story> stories, List<Learner> learners) {
        List<List<ExamEvent>> perLearner = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            List<ExamEvent> events = new ArrayList<>();
            for (Step step : stories.get(i).steps()) {
                events.add(step.redeliveryOf() >= 0 ? events.get(step.redeliveryOf())
                        : exam(step.type(), learners.get(i), step.block(), t.plusMillis(step.millis())));
            }
            perLearner.add(events);
        }
        List<ExamEvent> interleaved = new ArrayList<>();
        for (int turn = 0; interleaved.size() < perLearner.stream().mapToInt(List::size).sum(); turn++) {
            for (List<ExamEvent> events : perLearner) {
                if (turn < events.size()) {
                    interleaved.add(events.get(turn));
                }
            }
        }
        return interleaved;
    }

    private ExamEvent exam(EventType<ExamAttemptEvent> type, Learner learner, String block, Instant time) {
        return new ExamEvent(type, learner.toUserData(), course.key(), course.block(block), time, UUID.randomUUID());
    }

    /** Waits until the LMS has consumed the events: their {@code ce_id}s are recorded as their effects commit. */
    private void awaitApplied(Collection<ExamEvent> events) {
        Set<UUID> ids = events.stream().map(ExamEvent::id).collect(Collectors.toSet());
        await().atMost(Lms.EVENTUALLY).until(() -> jdbc.query(
                "SELECT count(*) FROM event_bus.consumed_event WHERE event_id = ANY (?)",
                new ArrayParameters().uuids(ids, id -> id), (rs, row) -> rs.getLong(1)).get(0) == ids.size());
    }

    // ---- what a learner ends with

    /** Everything the LMS shows of the learner in the course, but for what names the learner. */
    private Map<String, Object> state(Learner learner) {
        List<String> certificates = new ArrayList<>();
        body(lms.certificates(learner)).forEach(certificate -> certificates.add(String.join(" ",
                certificate.get("course_key").asString(), certificate.get("mode").asString(),
                certificate.get("grade").asString(), certificate.get("status").asString(),
                certificate.get("download_url").asString().isEmpty() ? "no download" : "download")));
        return Map.of("grades", body(lms.grades(course, learner)), "completion", body(lms.completion(course, learner)),
                "credit", body(lms.credit(course, learner)), "certificates", certificates);
    }

    private static JsonNode body(RestTestClient.ResponseSpec response) {
        return Lms.json(response.expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    private List<Boolean> passing(Learner learner) {
        return lms.passingEvents(course).stream().filter(event -> event.data().user().id() == learner.id())
                .map(event -> event.data().isPassing()).toList();
    }

    private record CertificateEvent(String type, String mode, String grade, String status, String previousStatus,
                                    boolean downloadable) {

        static CertificateEvent of(Published<CertificateData> event) {
            CertificateData data = event.data();
            return new CertificateEvent(event.type(), data.mode(), data.grade(), data.currentStatus(),
                    data.previousStatus(), !data.downloadUrl().isEmpty());
        }

        /** e.g. {@code revoked notpassing 0.2}: the type, the status and the grade */
        String brief() {
            String kind = type.equals(OpenEdxEvents.CERTIFICATE_CREATED.name()) ? "created"
                    : type.equals(OpenEdxEvents.CERTIFICATE_REVOKED.name()) ? "revoked" : "changed";
            return kind + " " + status + " " + grade;
        }
    }

    private List<CertificateEvent> certificateEvents(Learner learner) {
        return lms.certificateEvents(course).stream().filter(event -> event.data().user().id() == learner.id())
                .map(CertificateEvent::of).toList();
    }
}
