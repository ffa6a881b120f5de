package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.shortId;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.usageKey;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Credentials;
import org.openedx.suite.it.clients.Exams;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Exam downstream effects, across four services: an exam verdict in exams-service changes grades, credit and
 * completion in the LMS, and through the LMS's certificate events, the learner's credential.
 */
class ExamVerdictsReachLmsAndCredentialsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static Cms cms;
    private static Lms lms;
    private static Credentials credentials;
    private static Exams exams;

    private final String courseKey = "course-v1:edX+Exam" + shortId() + "+2026";
    private final String homework = usageKey(courseKey, "homework");
    private final String proctored = usageKey(courseKey, "proctored_final");
    private long examId;

    @BeforeAll
    static void suite() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.CREDENTIALS,
                SuiteService.EXAMS);
        cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        credentials = new Credentials(suite.service(SuiteService.CREDENTIALS).baseUrl());
        exams = new Exams(suite.service(SuiteService.EXAMS).baseUrl());
    }

    @BeforeEach
    void a_published_credit_course_with_a_proctored_exam() {
        cms.createAndPublish(courseKey, "Proctored Physics");
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        lms.gradingPolicy(courseKey, 0.5, true);
        examId = exams.createProctoredExam(courseKey, proctored, "Final exam");
    }

    @Test
    void a_rejected_attempt_overrides_the_grade_fails_credit_and_revokes_the_certificate_and_credential() {
        String learner = "rejected_" + shortId();
        long learnerId = passingVerifiedLearner(learner);
        long attempt = exams.startAttempt(examId, learnerId, learner);

        assertThat(exams.act(attempt, "submit")).isEqualTo("submitted");
        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored),
                s -> s.equals(Optional.of("submitted")));
        assertThat(lms.completion(courseKey, learner, proctored)).contains(1.0);

        assertThat(exams.act(attempt, "reject")).isEqualTo("rejected");
        await().atMost(EVENTUALLY).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("revoked")));

        var subsection = lms.subsection(courseKey, learner, proctored).orElseThrow();
        assertThat(subsection.path("override").path("earned").asDouble()).isZero();
        assertThat(subsection.path("override").path("feature").asString()).isEqualTo("proctoring");
        assertThat(lms.creditStatus(courseKey, learner, proctored)).contains("failed");
        assertThat(lms.certificateStatus(learner, courseKey)).contains("unavailable");
        assertThat(lms.gradeOf(courseKey, learner).path("passed").asBoolean()).isFalse();
    }

    @Test
    void a_verified_attempt_satisfies_credit_and_leaves_the_learners_own_score_and_credential() {
        String learner = "verified_" + shortId();
        long learnerId = passingVerifiedLearner(learner);
        long attempt = exams.startAttempt(examId, learnerId, learner);

        exams.act(attempt, "submit");
        assertThat(exams.act(attempt, "verify")).isEqualTo("verified");

        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored),
                s -> s.equals(Optional.of("satisfied")));
        var subsection = lms.subsection(courseKey, learner, proctored).orElseThrow();
        assertThat(subsection.path("override").isNull() || subsection.path("override").isMissingNode()).isTrue();
        assertThat(subsection.path("earned").asDouble()).isEqualTo(9.0);
        assertThat(lms.completion(courseKey, learner, proctored)).contains(1.0);
        assertThat(credentials.status(learner, courseKey)).contains("awarded");
    }

    @Test
    void resetting_a_rejected_attempt_clears_the_subsection_and_the_credit_requirement() {
        String learner = "reset_" + shortId();
        long learnerId = passingVerifiedLearner(learner);
        String instructor = "instructor_" + shortId();
        long instructorId = lms.createUser(instructor);
        long attempt = exams.startAttempt(examId, learnerId, learner);
        exams.act(attempt, "submit");
        exams.act(attempt, "reject");
        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored),
                s -> s.equals(Optional.of("failed")));

        exams.reset(attempt, instructorId, instructor);

        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored), Optional::isEmpty);
        // the score is cleared: the exam counts as unattempted, 0 of its points, with no override left
        var subsection = lms.subsection(courseKey, learner, proctored);
        subsection.ifPresent(s -> {
            assertThat(s.path("earned").asDouble()).isZero();
            assertThat(s.path("override").isNull() || s.path("override").isMissingNode()).isTrue();
        });
        assertThat(lms.completion(courseKey, learner, proctored).orElse(0.0)).isZero();
        // an invalidated certificate stays so: the reset does not hand the credential back
        assertThat(lms.certificateStatus(learner, courseKey)).contains("unavailable");
        assertThat(credentials.status(learner, courseKey)).contains("revoked");
    }

    /** A verified learner with 8/10 on homework and 9/10 on the proctored exam: 85 %, passing, credential awarded. */
    private long passingVerifiedLearner(String learner) {
        long id = lms.createUser(learner);
        lms.enroll(learner, courseKey, "verified");
        lms.grade(courseKey, learner, homework, 8, 10);
        lms.grade(courseKey, learner, proctored, 9, 10);
        await().atMost(EVENTUALLY).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("awarded")));
        return id;
    }
}
