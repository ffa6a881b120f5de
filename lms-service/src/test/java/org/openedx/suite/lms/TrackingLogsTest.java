package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_REJECTED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_RESET;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_VERIFIED;
import static org.openedx.suite.lms.learner.LearnerTracking.CERTIFICATE_CREATED;
import static org.openedx.suite.lms.learner.LearnerTracking.CERTIFICATE_REVOKED;
import static org.openedx.suite.lms.learner.LearnerTracking.ENROLLMENT_ACTIVATED;
import static org.openedx.suite.lms.learner.LearnerTracking.ENROLLMENT_DEACTIVATED;
import static org.openedx.suite.lms.learner.LearnerTracking.ENROLLMENT_MODE_CHANGED;
import static org.openedx.suite.lms.learner.LearnerTracking.NOW_FAILED;
import static org.openedx.suite.lms.learner.LearnerTracking.NOW_PASSED;
import static org.openedx.suite.lms.learner.LearnerTracking.PASSED_FIRST_TIME;
import static org.openedx.suite.lms.learner.LearnerTracking.SEQUENTIAL_PROGRESS;
import static org.openedx.suite.lms.learner.LearnerTracking.SUBSECTION_GRADE_CALCULATED;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.learner.CourseMode;
import org.openedx.suite.lms.learner.LearnerTracking;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.Users;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The LMS's tracking logs on {@code analytics} (issue 15, {@code LearnerTracking}): each change emits its logs once,
 * in its transaction and with its own time, with Open edX's data and context; a rolled-back change emits nothing.
 */
@LmsServiceTest
class TrackingLogsTest {

    private final Lms lms;
    private final JdbcTemplate jdbc;
    private final Tracker tracker;
    private final TransactionTemplate transactions;
    private final LearnersInCourses learners;
    private final Users users;
    private final Courses courses;

    TrackingLogsTest(Lms lms, JdbcTemplate jdbc, Tracker tracker, TransactionTemplate transactions,
                     LearnersInCourses learners, Users users, Courses courses) {
        this.lms = lms;
        this.jdbc = jdbc;
        this.tracker = tracker;
        this.transactions = transactions;
        this.learners = learners;
        this.users = users;
        this.courses = courses;
    }

    @Test
    void by_default_every_name_the_lms_emits_goes_on_the_bus() {
        assertThat(tracker.allowed()).containsExactlyInAnyOrderElementsOf(LearnerTracking.NAMES);
    }

    @Test
    void enrolling_changing_the_mode_unenrolling_and_enrolling_again_are_tracked_with_the_enrollment_times() {
        Lms.Course course = lms.newCourse("Tracked enrollment");
        Lms.Learner ada = lms.newLearner();

        Instant created = Instant.parse(enroll(ada, course, "audit").get("created").asString());
        enroll(ada, course, "verified");
        Instant modeChanged = enrollmentModified(ada, course);
        lms.http.delete().uri("/api/enrollments/{course}/{user}", course.key(), ada.username()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.is_active").isEqualTo(false)
                .jsonPath("$.mode").isEqualTo("verified");
        Instant deactivated = enrollmentModified(ada, course);
        enroll(ada, course, "honor");
        Instant reactivated = enrollmentModified(ada, course);

        List<Lms.Tracked> logs = settled(course);
        assertThat(counts(logs)).isEqualTo(Map.of(ENROLLMENT_ACTIVATED, 2L, ENROLLMENT_MODE_CHANGED, 2L,
                ENROLLMENT_DEACTIVATED, 1L));
        List<Lms.Tracked> activated = named(logs, ENROLLMENT_ACTIVATED);
        assertLearnerLog(activated.get(0), ada, course, created, "/api/enrollments");
        assertThat(activated.get(0).data().get("mode").asString()).isEqualTo("audit");
        assertLearnerLog(activated.get(1), ada, course, reactivated, "/api/enrollments");
        assertThat(activated.get(1).data().get("mode").asString()).isEqualTo("honor");
        List<Lms.Tracked> modes = named(logs, ENROLLMENT_MODE_CHANGED);
        assertLearnerLog(modes.get(0), ada, course, modeChanged, "/api/enrollments");
        assertThat(modes.get(0).data().get("mode").asString()).isEqualTo("verified");
        assertThat(modes.get(1).data().get("mode").asString()).isEqualTo("honor");
        assertThat(modes.get(1).time()).isEqualTo(reactivated);
        Lms.Tracked left = named(logs, ENROLLMENT_DEACTIVATED).get(0);
        assertLearnerLog(left, ada, course, deactivated,
                "/api/enrollments/" + course.key() + "/" + ada.username());
        assertThat(left.data().get("mode").asString()).isEqualTo("verified");
        assertThat(left.key()).isEqualTo(ENROLLMENT_DEACTIVATED);
        assertThat(left.headers()).containsEntry(EventMetadata.TYPE, OpenEdxEvents.TRACKING_EVENT_EMITTED.name())
                .containsEntry("ce_source", "openedx/lms/web")
                .containsEntry("ce_time", EventTimes.format(deactivated));
    }

    @Test
    void scores_track_the_subsection_grade_each_crossing_of_the_line_once_and_the_certificate() {
        Lms.Course course = lms.newCourse("Tracked grades");
        lms.gradingPolicy(course, "0.5", false);
        Lms.Learner ada = lms.newLearner();
        lms.enroll(ada, course, "verified");
        String hw1 = course.block("hw1");

        lms.score(course, ada, hw1, 8, 10);    // passes, the first time: certificate
        lms.score(course, ada, hw1, 2, 10);    // fails: certificate revoked
        lms.score(course, ada, hw1, 9, 10);    // passes again: certificate created again
        lms.score(course, ada, hw1, 10, 10);   // still passes: only the subsection

        List<Lms.Tracked> logs = settled(course).stream()
                .filter(log -> !log.name().startsWith("edx.course.enrollment")).toList();
        assertThat(counts(logs)).isEqualTo(Map.of(SUBSECTION_GRADE_CALCULATED, 4L, PASSED_FIRST_TIME, 1L,
                NOW_FAILED, 1L, NOW_PASSED, 1L, CERTIFICATE_CREATED, 2L, CERTIFICATE_REVOKED, 1L));
        var passing = lms.awaitPassingEvents(course, 3);
        var certificates = lms.awaitCertificateEvents(course, 3);
        Instant firstPass = timeOf(passing.get(0).headers());

        List<Lms.Tracked> subsections = named(logs, SUBSECTION_GRADE_CALCULATED);
        Lms.Tracked first = subsections.get(0);
        String path = "/api/grades/" + course.key() + "/" + ada.username() + "/subsections/" + hw1;
        assertLearnerLog(first, ada, course, firstPass, path);
        assertThat(first.data().get("block_id").asString()).isEqualTo(hw1);
        assertThat(first.data().get("weighted_total_earned").isNumber()).isTrue();
        assertThat(first.data().get("weighted_total_earned").asDouble()).isEqualTo(8.0);
        assertThat(first.data().get("weighted_total_possible").asDouble()).isEqualTo(10.0);
        assertThat(first.data().get("weighted_graded_earned").asDouble()).isEqualTo(8.0);
        assertThat(first.data().get("weighted_graded_possible").asDouble()).isEqualTo(10.0);
        assertThat(first.data().get("event_transaction_type").asString()).isEqualTo(SUBSECTION_GRADE_CALCULATED);
        Instant rowCreated = jdbc.queryForObject("SELECT created_at FROM subsection_grade WHERE user_id = ? "
                + "AND usage_key = ?", java.sql.Timestamp.class, ada.id(), hw1).toInstant();
        assertThat(EventTimes.parse(first.data().get("first_attempted").asString())).isEqualTo(rowCreated)
                .isEqualTo(firstPass);
        assertThat(subsections.get(1).data().get("weighted_total_earned").asDouble()).isEqualTo(2.0);
        assertThat(subsections.get(3).data().get("weighted_total_earned").asDouble()).isEqualTo(10.0);
        assertThat(subsections.get(3).data().get("first_attempted")).isEqualTo(first.data().get("first_attempted"));

        Lms.Tracked passedFirst = named(logs, PASSED_FIRST_TIME).get(0);
        assertLearnerLog(passedFirst, ada, course, firstPass, path);
        assertThat(passedFirst.data().get("event_transaction_type").asString())
                .isEqualTo("edx.grades.course.grade_calculated");
        assertThat(passedFirst.data().get("event_transaction_id"))
                .as("the subsection's and the course's grade of one change share a transaction id")
                .isEqualTo(first.data().get("event_transaction_id"));
        assertThat(named(logs, NOW_FAILED).get(0).time()).isEqualTo(timeOf(passing.get(1).headers()));
        assertThat(named(logs, NOW_PASSED).get(0).time()).isEqualTo(timeOf(passing.get(2).headers()));
        assertThat(named(logs, NOW_PASSED).get(0).data().get("event_transaction_id"))
                .isNotEqualTo(passedFirst.data().get("event_transaction_id"));

        String verifyUuid = jdbc.queryForObject("SELECT verify_uuid::text FROM certificate WHERE user_id = ? "
                + "AND course_key = ?", String.class, ada.id(), course.key());
        Lms.Tracked created = named(logs, CERTIFICATE_CREATED).get(0);
        assertLearnerLog(created, ada, course, timeOf(certificates.get(0).headers()), path);
        assertThat(created.data().get("certificate_id").asString()).isEqualTo(verifyUuid);
        assertThat(created.data().get("certificate_url").asString()).isEqualTo("/certificates/" + verifyUuid);
        assertThat(created.data().get("enrollment_mode").asString()).isEqualTo("verified");
        assertThat(created.data().get("generation_mode").asString()).isEqualTo("self");
        Lms.Tracked revoked = named(logs, CERTIFICATE_REVOKED).get(0);
        assertLearnerLog(revoked, ada, course, timeOf(certificates.get(1).headers()), path);
        assertThat(revoked.data().get("certificate_id").asString()).isEqualTo(verifyUuid);
        assertThat(revoked.data().get("enrollment_mode").asString()).isEqualTo("verified");
        assertThat(named(logs, CERTIFICATE_CREATED).get(1).time()).isEqualTo(timeOf(certificates.get(2).headers()));
    }

    @Test
    void a_moved_passing_line_tracks_the_crossing_it_causes() {
        Lms.Course course = lms.newCourse("Tracked line");
        lms.gradingPolicy(course, "0.9", false);
        Lms.Learner ada = lms.newLearner();
        lms.enroll(ada, course, "audit");
        lms.score(course, ada, course.block("hw1"), 8, 10);

        lms.gradingPolicy(course, "0.5", false);

        List<Lms.Tracked> logs = settled(course);
        Lms.Tracked passed = named(logs, PASSED_FIRST_TIME).get(0);
        assertLearnerLog(passed, ada, course, timeOf(lms.awaitPassingEvents(course, 1).get(0).headers()),
                "/api/courses/" + course.key() + "/grading-policy");
        assertThat(counts(logs)).doesNotContainKeys(CERTIFICATE_CREATED, NOW_PASSED);
    }

    @Test
    void exam_events_track_the_completion_the_proctoring_override_and_the_reset() {
        Lms.Course course = lms.newCourse("Tracked exam");
        lms.gradingPolicy(course, "0.5", false);
        Lms.Learner ada = lms.newLearner();
        lms.enroll(ada, course, "verified");
        String exam = course.block("exam");
        lms.score(course, ada, exam, 9, 10);
        Instant t0 = Instant.now();

        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, exam, t0);
        awaitLogs(course, SEQUENTIAL_PROGRESS, 1);
        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0.plusMillis(1));
        awaitLogs(course, NOW_FAILED, 1);
        lms.exam(EXAM_ATTEMPT_VERIFIED, ada, course, exam, t0.plusMillis(2));
        awaitLogs(course, NOW_PASSED, 1);
        lms.exam(EXAM_ATTEMPT_RESET, ada, course, exam, t0.plusMillis(3));
        awaitLogs(course, SEQUENTIAL_PROGRESS, 2);

        List<Lms.Tracked> logs = settled(course).stream()
                .filter(log -> !log.name().startsWith("edx.course.enrollment")).toList();
        // the rejection's override fails the learner (revoked: notpassing), then invalidates the certificate (revoked
        // again: unavailable); the verification removes the override (passes again, the certificate stays
        // unavailable); the reset clears the score (fails again)
        assertThat(counts(logs)).isEqualTo(Map.of(SUBSECTION_GRADE_CALCULATED, 4L, SEQUENTIAL_PROGRESS, 2L,
                PASSED_FIRST_TIME, 1L, NOW_FAILED, 2L, NOW_PASSED, 1L, CERTIFICATE_CREATED, 1L,
                CERTIFICATE_REVOKED, 2L));
        List<Lms.Tracked> progress = named(logs, SEQUENTIAL_PROGRESS);
        Instant completed = jdbc.queryForObject("SELECT modified FROM block_completion WHERE user_id = ? "
                + "AND usage_key = ?", java.sql.Timestamp.class, ada.id(), exam).toInstant();
        assertLearnerLog(progress.get(1), ada, course, completed, null);
        assertThat(progress.get(0).data().get("block_id").asString()).isEqualTo(exam);
        assertThat(progress.get(0).data().get("percent").asDouble()).isEqualTo(1.0);
        assertThat(progress.get(1).data().get("percent").asDouble()).isEqualTo(0.0);
        List<Lms.Tracked> subsections = named(logs, SUBSECTION_GRADE_CALCULATED);
        // the learner's score, the override to 0, the override removed, the reset
        assertThat(subsections.stream().map(log -> log.data().get("weighted_total_earned").asDouble()))
                .containsExactly(9.0, 0.0, 9.0, 0.0);
        assertThat(subsections.get(1).context().has("path")).as("no request made the change").isFalse();
    }

    @Test
    void a_rolled_back_change_emits_nothing() {
        Lms.Course course = lms.newCourse("Rolled back");
        Lms.Learner ada = lms.newLearner();

        transactions.executeWithoutResult(status -> {
            learners.enroll(users.require(ada.username()), courses.require(course.key()), CourseMode.VERIFIED);
            status.setRollbackOnly();
        });
        lms.http.delete().uri("/api/enrollments/{course}/{user}", course.key(), ada.username()).exchange()
                .expectStatus().isNotFound();

        assertThat(settled(course)).isEmpty();
    }

    private tools.jackson.databind.JsonNode enroll(Lms.Learner learner, Lms.Course course, String mode) {
        return Lms.json(lms.http.post().uri("/api/enrollments").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"username": "%s", "course_key": "%s", "mode": "%s"}"""
                        .formatted(learner.username(), course.key(), mode))
                .exchange().expectStatus().is2xxSuccessful().returnResult(String.class).getResponseBody());
    }

    private Instant enrollmentModified(Lms.Learner learner, Lms.Course course) {
        return jdbc.queryForObject("SELECT modified FROM enrollment WHERE user_id = ? AND course_key = ?",
                java.sql.Timestamp.class, learner.id(), course.key()).toInstant();
    }

    private void awaitLogs(Lms.Course course, String name, int count) {
        await().atMost(Lms.EVENTUALLY).until(() -> named(lms.trackingLogs(course), name).size() >= count);
    }

    /**
     * The course's tracking logs once every tracking log written so far has left the outbox: an outbox row is
     * deleted only once Kafka holds it, so none can still be on its way.
     */
    List<Lms.Tracked> settled(Lms.Course course) {
        return settled(lms, jdbc, course);
    }

    static List<Lms.Tracked> settled(Lms lms, JdbcTemplate jdbc, Lms.Course course) {
        await().atMost(Lms.EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_bus.outbox WHERE event_type = ?", Long.class,
                OpenEdxEvents.TRACKING_EVENT_EMITTED.name()) == 0);
        return lms.trackingLogs(course);
    }

    static Map<String, Long> counts(List<Lms.Tracked> logs) {
        return logs.stream().collect(Collectors.groupingBy(Lms.Tracked::name, Collectors.counting()));
    }

    private static List<Lms.Tracked> named(List<Lms.Tracked> logs, String name) {
        return logs.stream().filter(log -> log.name().equals(name)).toList();
    }

    private static Instant timeOf(Map<String, String> headers) {
        return EventTimes.parse(headers.get("ce_time"));
    }

    /** Open edX's data and context of a learner's log, at the change's time; no path for a change no request made. */
    private static void assertLearnerLog(Lms.Tracked log, Lms.Learner learner, Lms.Course course, Instant time,
                                         String path) {
        assertThat(log.time()).isEqualTo(time);
        assertThat(log.data().get("user_id").isIntegralNumber()).isTrue();
        assertThat(log.data().get("user_id").asLong()).isEqualTo(learner.id());
        assertThat(log.data().get("course_id").asString()).isEqualTo(course.key());
        Map<String, Object> context = log.context().properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().isNumber()
                        ? (Object) entry.getValue().asLong() : entry.getValue().asString()));
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("course_id", course.key(), "org_id", "edX",
                "user_id", learner.id(), "event_source", "server"));
        if (path != null) {
            expected.put("path", path);
        }
        assertThat(context).isEqualTo(expected);
    }
}
