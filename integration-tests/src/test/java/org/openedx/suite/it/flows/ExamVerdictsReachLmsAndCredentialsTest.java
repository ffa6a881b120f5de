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
import tools.jackson.databind.JsonNode;

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
    void a_rejected_attempt_of_a_learner_who_still_passes_overrides_the_exam_fails_credit_and_revokes_the_credential() {
        String learner = "rejected_" + shortId();
        long learnerId = verifiedLearnerScoring(learner, 90, 100);   // 99 of 110; without the exam 90 of 110
        long attempt = exams.startAttempt(examId, learnerId, learner);

        assertThat(exams.act(attempt, "submit")).isEqualTo("submitted");
        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored),
                s -> s.equals(Optional.of("submitted")));
        assertThat(lms.completion(courseKey, learner, proctored)).contains(1.0);

        assertThat(exams.act(attempt, "reject")).isEqualTo("rejected");
        // the learner still passes: only the invalidation of the certificate can revoke the credential
        await().atMost(EVENTUALLY).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("revoked")));

        assertThat(examRow(learner)).isEqualTo("9.0 of 10.0, override 0.0 (proctoring)");
        assertThat(standing(learner)).isEqualTo("0.82, passing");
        assertThat(lms.creditStatus(courseKey, learner, proctored)).contains("failed");
        assertThat(lms.certificateStatus(learner, courseKey)).contains("unavailable");
    }

    @Test
    void a_rejected_attempt_that_makes_the_learner_stop_passing_leaves_the_certificate_invalidated() {
        String learner = "failing_" + shortId();
        long learnerId = verifiedLearnerScoring(learner, 4, 10);     // 13 of 20; without the exam 4 of 20
        long attempt = exams.startAttempt(examId, learnerId, learner);
        exams.act(attempt, "submit");

        exams.act(attempt, "reject");
        await().atMost(EVENTUALLY).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("revoked")));

        assertThat(examRow(learner)).isEqualTo("9.0 of 10.0, override 0.0 (proctoring)");
        assertThat(standing(learner)).isEqualTo("0.2, not passing");
        assertThat(lms.creditStatus(courseKey, learner, proctored)).contains("failed");
        // not merely notpassing, which a passing score could undo
        assertThat(lms.certificateStatus(learner, courseKey)).contains("unavailable");
    }

    /**
     * Exams allows one attempt per learner and exam, and a rejected attempt is final: the only way to a second
     * attempt is a reset, which clears the override itself. So a verification can never meet a proctoring override
     * through these APIs; lms-service's ExamReactionsTest sends the events directly to show that one lifts it.
     */
    @Test
    void a_verified_attempt_satisfies_credit_and_leaves_the_learners_own_score_and_credential() {
        String learner = "verified_" + shortId();
        long learnerId = verifiedLearnerScoring(learner, 8, 10);
        long attempt = exams.startAttempt(examId, learnerId, learner);

        exams.act(attempt, "submit");
        assertThat(exams.act(attempt, "verify")).isEqualTo("verified");

        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored),
                s -> s.equals(Optional.of("satisfied")));
        assertThat(examRow(learner)).isEqualTo("9.0 of 10.0, no override");
        assertThat(standing(learner)).isEqualTo("0.85, passing");
        assertThat(lms.completion(courseKey, learner, proctored)).contains(1.0);
        assertThat(lms.certificateStatus(learner, courseKey)).contains("downloadable");
        assertThat(credentials.status(learner, courseKey)).contains("awarded");
    }

    @Test
    void resetting_a_rejected_attempt_clears_the_score_the_override_the_completion_and_the_credit_requirement() {
        String learner = "reset_" + shortId();
        long learnerId = verifiedLearnerScoring(learner, 4, 10);
        String instructor = "instructor_" + shortId();
        long instructorId = lms.createUser(instructor);
        long attempt = exams.startAttempt(examId, learnerId, learner);
        exams.act(attempt, "submit");
        exams.act(attempt, "reject");
        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored),
                s -> s.equals(Optional.of("failed")));
        assertThat(examRow(learner)).isEqualTo("9.0 of 10.0, override 0.0 (proctoring)");

        exams.reset(attempt, instructorId, instructor);

        await().atMost(EVENTUALLY).until(() -> lms.creditStatus(courseKey, learner, proctored), Optional::isEmpty);
        // the exam still counts, at 0 of its points, as an unattempted subsection does in Open edX
        assertThat(examRow(learner)).isEqualTo("0.0 of 10.0, no override");
        assertThat(standing(learner)).isEqualTo("0.2, not passing");
        assertThat(lms.completion(courseKey, learner, proctored)).contains(0.0);
        // an invalidated certificate stays so: the reset does not hand the credential back
        assertThat(lms.certificateStatus(learner, courseKey)).contains("unavailable");
        assertThat(credentials.status(learner, courseKey)).contains("revoked");
    }

    /**
     * A verified learner with the given homework score and 9/10 on the proctored exam, passing (at 0.5) with the
     * credential awarded.
     */
    private long verifiedLearnerScoring(String learner, double homeworkEarned, double homeworkPossible) {
        long id = lms.createUser(learner);
        lms.enroll(learner, courseKey, "verified");
        lms.grade(courseKey, learner, homework, homeworkEarned, homeworkPossible);
        lms.grade(courseKey, learner, proctored, 9, 10);
        await().atMost(EVENTUALLY).until(() -> credentials.status(learner, courseKey),
                s -> s.equals(Optional.of("awarded")));
        return id;
    }

    /** The proctored exam's row in the learner's grades, e.g. {@code 9.0 of 10.0, override 0.0 (proctoring)}. */
    private String examRow(String learner) {
        JsonNode row = lms.subsection(courseKey, learner, proctored)
                .orElseThrow(() -> new AssertionError("no row for " + proctored + " in the grades of " + learner));
        JsonNode override = row.get("override");
        assertThat(override).as("override: an object, or null when there is none").isNotNull();
        return row.get("earned").asDouble() + " of " + row.get("possible").asDouble() + (override.isNull()
                ? ", no override"
                : ", override " + override.get("earned").asDouble() + " (" + override.get("feature").asString() + ")");
    }

    /** The learner's course grade, e.g. {@code 0.82, passing}. */
    private String standing(String learner) {
        JsonNode grade = lms.gradeOf(courseKey, learner);
        return grade.get("percent").asDouble() + (grade.get("passed").asBoolean() ? ", passing" : ", not passing");
    }
}
