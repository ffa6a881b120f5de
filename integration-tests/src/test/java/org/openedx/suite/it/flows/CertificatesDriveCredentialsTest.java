package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Credentials;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Credentials management: the LMS decides who passes and holds certificates; Credentials follows its certificate
 * events. Everything below is driven through the LMS and CMS REST APIs and observed through Credentials'.
 */
class CertificatesDriveCredentialsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static Cms cms;
    private static Lms lms;
    private static Credentials credentials;

    private final String courseKey = "course-v1:edX+Cert" + shortId() + "+2026";
    private final String homework = usageKey(courseKey, "homework");
    private final String finalExam = usageKey(courseKey, "final");

    @BeforeAll
    static void suite() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.CREDENTIALS);
        cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        credentials = new Credentials(suite.service(SuiteService.CREDENTIALS).baseUrl());
    }

    @Test
    void a_course_published_in_the_cms_is_known_to_the_lms_by_its_display_name() {
        cms.createAndPublish(courseKey, "Thermodynamics");

        var overview = await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent).get();
        assertThat(overview.path("display_name").asString()).isEqualTo("Thermodynamics");
        assertThat(overview.path("start").asString()).startsWith("2026-09-01T00:00");
    }

    @Test
    void a_verified_learner_who_passes_is_awarded_then_revoked_when_failing_awarded_again_and_revoked_on_invalidation() {
        publishedCourse("Quantum Basics");
        String learner = "verified_" + shortId();
        lms.createUser(learner);
        lms.enroll(learner, courseKey, "verified");

        lms.grade(courseKey, learner, homework, 8, 10);
        lms.grade(courseKey, learner, finalExam, 9, 10);
        awaitCredential(learner, "awarded");
        var awarded = credentials.credential(learner, courseKey).orElseThrow();
        assertThat(awarded.path("certificate_type").asString()).isEqualTo("verified");
        assertThat(awarded.path("course_key").asString()).isEqualTo(courseKey);
        assertThat(lms.certificateStatus(learner, courseKey)).contains("downloadable");

        lms.grade(courseKey, learner, finalExam, 1, 10);
        awaitCredential(learner, "revoked");
        assertThat(lms.certificateStatus(learner, courseKey)).contains("notpassing");

        lms.grade(courseKey, learner, finalExam, 10, 10);
        awaitCredential(learner, "awarded");

        lms.invalidateCertificate(courseKey, learner);
        awaitCredential(learner, "revoked");
        assertThat(lms.certificateStatus(learner, courseKey)).contains("unavailable");
    }

    @Test
    void an_audit_learner_who_passes_gets_no_credential() {
        publishedCourse("Audit Friendly");
        String auditor = "auditor_" + shortId();
        String marker = "marker_" + shortId();
        lms.createUser(auditor);
        lms.createUser(marker);
        lms.enroll(auditor, courseKey, "audit");
        lms.enroll(marker, courseKey, "honor");

        lms.grade(courseKey, auditor, homework, 10, 10);
        lms.grade(courseKey, marker, homework, 10, 10);

        // certificate events of one course share a partition: once the later learner's credential is there,
        // anything for the auditor would have been applied before it
        awaitCredential(marker, "awarded");
        assertThat(lms.gradeOf(courseKey, auditor).path("passed").asBoolean()).isTrue();
        assertThat(credentials.credential(auditor, courseKey)).isEmpty();
        assertThat(lms.certificate(auditor, courseKey)).isEmpty();
    }

    private void publishedCourse(String name) {
        cms.createAndPublish(courseKey, name);
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
    }

    private void awaitCredential(String learner, String status) {
        await().atMost(EVENTUALLY).until(() -> credentials.status(learner, courseKey), s -> s.equals(Optional.of(status)));
    }

    static String usageKey(String courseKey, String block) {
        return courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@" + block;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
