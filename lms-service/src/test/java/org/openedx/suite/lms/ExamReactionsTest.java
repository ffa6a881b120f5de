package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_ERRORED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_REJECTED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_RESET;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_VERIFIED;
import static org.openedx.suite.lms.GradesAndCertificatesTest.assertCertificate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.lms.Lms.Published;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;

/**
 * How the LMS reacts to edx-exams' attempt events: completion, credit requirements, the proctoring grade override
 * and, through it, passing and certificates. The newest event per learner and subsection wins; each event applies
 * once; an event the LMS cannot apply yet is retried, then dead-lettered, and the partition moves on.
 */
@LmsServiceTest
class ExamReactionsTest {

    private static final String CREATED = OpenEdxEvents.CERTIFICATE_CREATED.name();
    private static final String REVOKED = OpenEdxEvents.CERTIFICATE_REVOKED.name();

    @Autowired Lms lms;

    Learner ada;
    Course course;
    String exam;
    String homework;
    Instant t0;

    @BeforeEach
    void aVerifiedLearnerInACreditCourse() {
        ada = lms.newLearner();
        course = lms.newCourse("Proctored Course");
        lms.gradingPolicy(course, "0.5", true);
        lms.enroll(ada, course, "verified");
        exam = course.block("final_exam");
        homework = course.block("homework");
        t0 = Instant.now();
    }

    @Test
    void a_submitted_exam_is_complete_and_its_credit_requirement_submitted() {
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, exam, t0);

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.completion(course, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 1.0}]""".formatted(exam)));
        lms.credit(course, ada).expectStatus().isOk().expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "submitted"}]""".formatted(exam));
    }

    @Test
    void an_errored_attempt_fails_the_credit_requirement() {
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, exam, t0);
        lms.exam(EXAM_ATTEMPT_ERRORED, ada, course, exam, t0.plusMillis(1));

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.credit(course, ada).expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "failed"}]""".formatted(exam)));
    }

    @Test
    void a_course_without_credit_has_no_credit_requirements_but_exams_still_complete() {
        Course noCredit = lms.newCourse("No Credit");
        lms.enroll(ada, noCredit, "verified");
        String noCreditExam = noCredit.block("exam");

        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, noCredit, noCreditExam, t0);
        lms.exam(EXAM_ATTEMPT_ERRORED, ada, noCredit, noCreditExam, t0.plusMillis(1));
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, noCredit, noCredit.block("marker"), t0.plusMillis(2));

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.completion(noCredit, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 1.0}, {"usage_key": "%s", "completion": 1.0}]"""
                .formatted(noCreditExam, noCredit.block("marker"))));
        lms.credit(noCredit, ada).expectBody().json("[]");
    }

    @Test
    void a_rejection_that_makes_the_learner_stop_passing_revokes_as_notpassing_then_invalidates() {
        lms.score(course, ada, exam, 8, 10);
        lms.score(course, ada, homework, 4, 10);          // 12 of 20 = 0.6: passes
        lms.awaitCertificateEvents(course, 1);

        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0);

        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 3);
        assertThat(certificates).extracting(Published::type).containsExactly(CREATED, REVOKED, REVOKED);
        assertCertificate(certificates.get(1).data(), ada, course, "verified", "0.2", "notpassing", "downloadable");
        assertCertificate(certificates.get(2).data(), ada, course, "verified", "0.2", "unavailable", "notpassing");
        assertThat(lms.awaitPassingEvents(course, 2)).extracting(e -> e.data().isPassing())
                .containsExactly(true, false);
        lms.grades(course, ada).expectBody().json("""
                {"percent": 0.2, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 8.0, "possible": 10.0,
                   "override": {"earned": 0.0, "feature": "proctoring"}},
                  {"usage_key": "%s", "earned": 4.0, "possible": 10.0, "override": null}]}"""
                .formatted(exam, homework));
        lms.credit(course, ada).expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "failed"}]""".formatted(exam));
        lms.certificates(ada).expectBody().json("""
                [{"course_key": "%s", "status": "unavailable", "download_url": ""}]""".formatted(course.key()));
    }

    @Test
    void a_rejection_of_a_learner_who_still_passes_invalidates_the_certificate() {
        lms.score(course, ada, exam, 2, 10);
        lms.score(course, ada, homework, 10, 10);         // 12 of 20; without the exam 10 of 20 still passes
        lms.awaitCertificateEvents(course, 1);

        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0);

        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 2);
        assertThat(certificates).extracting(Published::type).containsExactly(CREATED, REVOKED);
        assertCertificate(certificates.get(1).data(), ada, course, "verified", "0.5", "unavailable", "downloadable");
        assertThat(lms.passingEvents(course)).extracting(e -> e.data().isPassing()).containsExactly(true);
    }

    @Test
    void a_verification_lifts_the_proctoring_override_but_an_invalidated_certificate_stays_unavailable() {
        Learner bob = lms.newLearner();
        lms.enroll(bob, course, "verified");
        lms.score(course, ada, exam, 8, 10);
        lms.score(course, ada, homework, 4, 10);
        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0);
        lms.awaitCertificateEvents(course, 3);
        lms.grades(course, ada).expectBody().json("""
                {"percent": 0.2, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 8.0, "override": {"earned": 0.0, "feature": "proctoring"}},
                  {"usage_key": "%s"}]}""".formatted(exam, homework));

        lms.exam(EXAM_ATTEMPT_VERIFIED, ada, course, exam, t0.plusMillis(1));

        assertThat(lms.awaitPassingEvents(course, 3)).extracting(e -> e.data().isPassing())
                .containsExactly(true, false, true);
        lms.grades(course, ada).expectBody().json("""
                {"percent": 0.6, "passed": true, "subsections": [
                  {"usage_key": "%s", "earned": 8.0, "override": null}, {"usage_key": "%s"}]}"""
                .formatted(exam, homework));
        lms.credit(course, ada).expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "satisfied"}]""".formatted(exam));

        lms.score(course, bob, homework, 9, 10);
        assertThat(lms.awaitCertificateEvents(course, 4))
                .extracting(Published::type, e -> e.data().user().id(), e -> e.data().currentStatus())
                .containsExactly(tuple(CREATED, ada.id(), "downloadable"), tuple(REVOKED, ada.id(), "notpassing"),
                        tuple(REVOKED, ada.id(), "unavailable"), tuple(CREATED, bob.id(), "downloadable"));
    }

    @Test
    void a_rejection_before_the_learner_has_a_score_waits_for_the_score_and_then_applies() {
        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0);

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.grades(course, ada).expectBody().json("""
                {"percent": 0.0, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 0.0, "possible": 0.0,
                   "override": {"earned": 0.0, "feature": "proctoring"}}]}""".formatted(exam)));

        lms.score(course, ada, exam, 9, 10);
        lms.score(course, ada, homework, 6, 10);          // 0 + 6 of 20 = 0.3

        lms.grades(course, ada).expectBody().json("""
                {"percent": 0.3, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 9.0, "possible": 10.0,
                   "override": {"earned": 0.0, "feature": "proctoring"}},
                  {"usage_key": "%s", "earned": 6.0, "possible": 10.0, "override": null}]}"""
                .formatted(exam, homework));
    }

    @Test
    void a_reset_clears_the_score_the_override_the_completion_and_the_credit_requirement() {
        lms.score(course, ada, exam, 8, 10);
        lms.score(course, ada, homework, 4, 10);
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, exam, t0);
        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0.plusMillis(1));
        lms.exam(EXAM_ATTEMPT_RESET, ada, course, exam, t0.plusMillis(2));

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.completion(course, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 0.0}]""".formatted(exam)));
        lms.credit(course, ada).expectBody().json("[]");
        // the exam still counts, at 0 of its 10 points, as an unattempted subsection does
        lms.grades(course, ada).expectBody().json("""
                {"percent": 0.2, "passed": false, "subsections": [
                  {"usage_key": "%s", "earned": 0.0, "possible": 10.0, "override": null},
                  {"usage_key": "%s", "earned": 4.0, "possible": 10.0, "override": null}]}"""
                .formatted(exam, homework));
    }

    @Test
    void an_event_for_an_unknown_learner_is_dead_lettered_and_the_partition_moves_on() {
        UserData stranger = new UserData(9_000_000_000L + (long) (Math.random() * 1_000_000), true,
                new UserPersonalData("stranger", "stranger@example.com", "Stranger"));
        lms.exam(EXAM_ATTEMPT_SUBMITTED, stranger, course.key(), exam, t0, UUID.randomUUID());
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, exam, t0);   // same key, so same partition, after it

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.completion(course, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 1.0}]""".formatted(exam)));
        List<Message> deadLetters = await().atMost(Lms.EVENTUALLY)
                .until(() -> lms.deadLetters(EXAM_ATTEMPT_SUBMITTED, course.key()), letters -> letters.size() == 1);
        assertThat(deadLetters.get(0).header("ce_type")).isEqualTo(EXAM_ATTEMPT_SUBMITTED.name());
        assertThat(deadLetters.get(0).header("kafka_dlt-exception-message"))
                .contains("no learner with LMS user id " + stranger.id());
    }

    @Test
    void an_event_for_a_course_the_catalog_has_not_announced_is_dead_lettered_and_applies_when_replayed_later() {
        Course early = new Course("course-v1:edX+Unannounced" + Lms.unique() + "+2026", "Announced Late",
                course.start(), course.end());
        UUID eventId = UUID.randomUUID();

        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada.toUserData(), early.key(), early.block("exam"), t0, eventId);

        List<Message> deadLetters = await().atMost(Lms.EVENTUALLY)
                .until(() -> lms.deadLetters(EXAM_ATTEMPT_SUBMITTED, early.key()), letters -> letters.size() == 1);
        assertThat(deadLetters.get(0).header("kafka_dlt-exception-message")).contains("no course " + early.key());

        lms.announce(early, Instant.now());
        lms.awaitCourse(early.key());
        long letterId = await().atMost(Lms.EVENTUALLY).until(() -> deadLetterId(eventId), id -> id != null);
        lms.http.post().uri("/actuator/deadletters/{id}", letterId).header(HttpHeaders.AUTHORIZATION, lms.operator())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("replayed");

        lms.completion(early, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 1.0}]""".formatted(early.block("exam")));
    }

    private Long deadLetterId(UUID eventId) {
        for (var letter : Lms.json(lms.http.get().uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, lms.operator()).exchange()
                .returnResult(String.class).getResponseBody())) {
            if (eventId.toString().equals(letter.get("event_id").asString())) {
                return letter.get("id").asLong();
            }
        }
        return null;
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        UUID submittedId = UUID.randomUUID();
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada.toUserData(), course.key(), exam, t0, submittedId);
        lms.exam(EXAM_ATTEMPT_RESET, ada, course, exam, t0);       // same time: newest-wins would let a repeat in
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada.toUserData(), course.key(), exam, t0, submittedId);
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, course.block("marker"), t0);

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.completion(course, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 0.0}, {"usage_key": "%s", "completion": 1.0}]"""
                .formatted(exam, course.block("marker"))));
    }

    @Test
    void an_older_event_arriving_late_is_ignored() {
        lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, t0);
        lms.exam(EXAM_ATTEMPT_VERIFIED, ada, course, exam, t0.minusSeconds(30));
        lms.exam(EXAM_ATTEMPT_SUBMITTED, ada, course, course.block("marker"), t0);

        await().atMost(Lms.EVENTUALLY).untilAsserted(() -> lms.completion(course, ada).expectBody().json("""
                [{"usage_key": "%s", "completion": 1.0}]""".formatted(course.block("marker"))));
        // still failed: the late verification did not satisfy it
        lms.credit(course, ada).expectBody().json("""
                [{"namespace": "exam", "name": "%s", "status": "failed"},
                 {"namespace": "exam", "name": "%s", "status": "submitted"}]""".formatted(exam, course.block("marker")),
                JsonCompareMode.STRICT);
        lms.grades(course, ada).expectBody().jsonPath("$.subsections[0].override.feature").isEqualTo("proctoring");
    }
}
