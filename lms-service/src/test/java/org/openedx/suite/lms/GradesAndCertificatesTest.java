package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.lms.Lms.Published;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Grades decide passing, passing decides certificates, and the LMS announces both: a crossing of the passing line as
 * {@code course.passing.status.updated} (on learning-badges-lifecycle), certificate changes as
 * {@code certificate.created|changed|revoked} (on learning-certificate-lifecycle), each keyed by the course key.
 */
@LmsServiceTest
class GradesAndCertificatesTest {

    private static final String CREATED = OpenEdxEvents.CERTIFICATE_CREATED.name();
    private static final String CHANGED = OpenEdxEvents.CERTIFICATE_CHANGED.name();
    private static final String REVOKED = OpenEdxEvents.CERTIFICATE_REVOKED.name();
    private static final String PASSING_STATUS = OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED.name();

    @Autowired Lms lms;


    @Test
    void a_verified_learner_who_reaches_the_passing_grade_earns_a_downloadable_certificate() {
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Certificates 101");
        lms.gradingPolicy(course, "0.6", false);
        lms.enroll(ada, course, "verified");

        lms.score(course, ada, course.block("hw1"), 5, 10);   // 0.5: below the line, nothing to announce
        lms.score(course, ada, course.block("exam"), 7, 10);  // 12 of 20 = 0.6: exactly at the line passes

        List<Published<CoursePassingStatusData>> passing = lms.awaitPassingEvents(course, 1);
        assertThat(passing).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(PASSING_STATUS);
            assertThat(event.key()).isEqualTo(course.key());
            assertThat(event.headers()).containsEntry("ce_source", "openedx/lms/web")
                    .containsEntry("content-type", "application/json");
            assertThat(event.data()).isEqualTo(new CoursePassingStatusData(true, courseData(course), ada.toUserData()));
        });

        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 1);
        assertThat(certificates).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(CREATED);
            assertThat(event.key()).isEqualTo(course.key());
            assertThat(event.headers()).containsEntry("ce_source", "openedx/lms/web");
            assertCertificate(event.data(), ada, course, "verified", "0.6", "downloadable", "");
        });
        String downloadUrl = certificates.get(0).data().downloadUrl();
        assertThat(downloadUrl).matches("/certificates/[0-9a-f-]{36}");

        lms.certificates(ada).expectStatus().isOk().expectBody().json("""
                [{"course_key": "%s", "username": "%s", "mode": "verified", "grade": "0.6",
                  "status": "downloadable", "download_url": "%s"}]"""
                .formatted(course.key(), ada.username(), downloadUrl));
        lms.grades(course, ada).expectStatus().isOk().expectBody().json("""
                {"percent": 0.6, "passed": true, "subsections": [
                  {"usage_key": "%s", "earned": 7.0, "possible": 10.0, "override": null},
                  {"usage_key": "%s", "earned": 5.0, "possible": 10.0, "override": null}]}"""
                .formatted(course.block("exam"), course.block("hw1")));
    }

    @Test
    void grade_updates_on_one_side_of_the_line_announce_nothing_and_each_crossing_is_announced() {
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Crossing Lines");
        lms.gradingPolicy(course, "0.6", false);
        lms.enroll(ada, course, "honor");
        String homework = course.block("hw");

        lms.score(course, ada, homework, 3, 10);
        lms.score(course, ada, homework, 5, 10);
        lms.score(course, ada, homework, 8, 10);   // passes
        lms.score(course, ada, homework, 9, 10);
        lms.score(course, ada, homework, 6, 10);
        lms.score(course, ada, homework, 2, 10);   // stops passing
        lms.score(course, ada, homework, 4, 10);
        lms.score(course, ada, homework, 10, 10);  // passes again

        assertThat(lms.awaitPassingEvents(course, 3)).extracting(e -> e.data().isPassing())
                .containsExactly(true, false, true);
        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 3);
        assertThat(certificates).extracting(Published::type).containsExactly(CREATED, REVOKED, CREATED);
        assertCertificate(certificates.get(0).data(), ada, course, "honor", "0.8", "downloadable", "");
        assertCertificate(certificates.get(1).data(), ada, course, "honor", "0.2", "notpassing", "downloadable");
        assertCertificate(certificates.get(2).data(), ada, course, "honor", "1.0", "downloadable", "notpassing");
        assertThat(certificates.get(2).data().downloadUrl()).isEqualTo(certificates.get(0).data().downloadUrl());

        lms.certificates(ada).expectBody().json("""
                [{"course_key": "%s", "status": "downloadable", "grade": "1.0"}]""".formatted(course.key()));
    }

    @Test
    void an_audit_learner_gets_passing_status_but_no_certificate_until_upgrading() {
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Audit Track");
        lms.enroll(ada, course, "audit");

        lms.score(course, ada, course.block("hw"), 9, 10);

        assertThat(lms.awaitPassingEvents(course, 1)).extracting(e -> e.data().isPassing()).containsExactly(true);
        lms.certificates(ada).expectStatus().isOk().expectBody().json("[]");

        lms.enroll(ada, course, "verified");

        // anything an audit learner had been given would have been announced before this
        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 1);
        assertThat(certificates).extracting(Published::type).containsExactly(CREATED);
        assertCertificate(certificates.get(0).data(), ada, course, "verified", "0.9", "downloadable", "");
    }

    @Test
    void the_certificate_follows_the_enrollment_mode() {
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Changing Modes");
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, course.block("hw"), 7, 10);
        lms.awaitCertificateEvents(course, 1);

        lms.enroll(ada, course, "professional");
        lms.enroll(ada, course, "audit");
        lms.enroll(ada, course, "verified");

        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 4);
        assertThat(certificates).extracting(Published::type).containsExactly(CREATED, CHANGED, REVOKED, CREATED);
        assertCertificate(certificates.get(1).data(), ada, course, "professional", "0.7", "downloadable", "downloadable");
        assertCertificate(certificates.get(2).data(), ada, course, "audit", "0.7", "audit_passing", "downloadable");
        assertCertificate(certificates.get(3).data(), ada, course, "verified", "0.7", "downloadable", "audit_passing");
        // passing did not change, so there was only the one passing status event
        assertThat(lms.passingEvents(course)).hasSize(1);
    }

    @Test
    void an_invalidated_certificate_is_revoked_and_stays_unavailable() {
        Learner ada = lms.newLearner();
        Learner bob = lms.newLearner();
        Course course = lms.newCourse("Invalidation");
        lms.enroll(ada, course, "verified");
        lms.enroll(bob, course, "verified");
        lms.score(course, ada, course.block("hw"), 8, 10);
        lms.awaitCertificateEvents(course, 1);

        lms.invalidate(course, ada).expectStatus().isOk().expectBody().json("""
                {"course_key": "%s", "username": "%s", "status": "unavailable", "download_url": ""}"""
                .formatted(course.key(), ada.username()));
        lms.invalidate(course, ada).expectStatus().isOk();                 // again: nothing more to revoke
        lms.score(course, ada, course.block("hw"), 1, 10);                 // stops passing
        lms.score(course, ada, course.block("hw"), 10, 10);                // passes again
        lms.score(course, bob, course.block("hw"), 6, 10);                 // bob's certificate comes after all that

        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 3);
        assertThat(certificates).extracting(Published::type, e -> e.data().user().pii().username())
                .containsExactly(tuple(CREATED, ada.username()),
                        tuple(REVOKED, ada.username()),
                        tuple(CREATED, bob.username()));
        assertCertificate(certificates.get(1).data(), ada, course, "verified", "0.8", "unavailable", "downloadable");
        assertThat(lms.awaitPassingEvents(course, 4)).extracting(e -> e.data().user().pii().username(),
                        e -> e.data().isPassing())
                .containsExactly(tuple(ada.username(), true),
                        tuple(ada.username(), false),
                        tuple(ada.username(), true),
                        tuple(bob.username(), true));
        lms.certificates(ada).expectBody().json("""
                [{"status": "unavailable", "download_url": ""}]""");
    }

    @Test
    void invalidating_needs_a_certificate_a_known_learner_and_a_well_formed_course_key() {
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Nothing To Invalidate");
        lms.enroll(ada, course, "verified");

        lms.invalidate(course, ada).expectStatus().isNotFound();
        lms.invalidate(course, new Learner(0, "nobody_" + Lms.unique(), "", "")).expectStatus().isNotFound();
        lms.http.post().uri("/api/certificates/{course}/{user}/invalidate", "DemoX-2026", ada.username())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("course_key");
    }

    @Test
    void moving_the_passing_line_re_evaluates_the_learners_of_the_course() {
        Learner ada = lms.newLearner();
        Learner bob = lms.newLearner();
        Course course = lms.newCourse("Moving Line");
        lms.gradingPolicy(course, "0.5", false);
        lms.enroll(ada, course, "verified");
        lms.enroll(bob, course, "verified");
        lms.score(course, ada, course.block("hw"), 6, 10);
        lms.score(course, bob, course.block("hw"), 4, 10);
        lms.awaitCertificateEvents(course, 1);

        lms.gradingPolicy(course, "0.7", false);   // ada falls below it
        lms.gradingPolicy(course, "0.4", false);   // both are above it

        List<Published<CoursePassingStatusData>> passing = lms.awaitPassingEvents(course, 4);
        assertThat(passing.subList(0, 2)).extracting(e -> e.data().user().id(), e -> e.data().isPassing())
                .containsExactly(tuple(ada.id(), true),
                        tuple(ada.id(), false));
        assertThat(passing.subList(2, 4)).extracting(e -> e.data().user().id(), e -> e.data().isPassing())
                .containsExactlyInAnyOrder(tuple(ada.id(), true),
                        tuple(bob.id(), true));
        List<Published<CertificateData>> certificates = lms.awaitCertificateEvents(course, 4);
        assertThat(certificates).extracting(Published::type).containsExactly(CREATED, REVOKED, CREATED, CREATED);
        assertThat(certificates.get(1).data().currentStatus()).isEqualTo("notpassing");
    }

    @Test
    void events_carry_the_course_as_the_catalog_last_announced_it() {
        Learner ada = lms.newLearner();
        Course first = lms.newCourse("Old Title");
        Course renamed = new Course(first.key(), "New Title", Instant.parse("2026-02-02T08:00:00Z"), null);
        lms.announce(renamed, Instant.now().plusSeconds(1));
        await().atMost(Lms.EVENTUALLY).until(() -> Lms.json(lms.http.get().uri("/api/courses/{key}", first.key())
                .exchange().returnResult(String.class).getResponseBody()).get("display_name").asString()
                .equals("New Title"));
        lms.enroll(ada, renamed, "masters");

        lms.score(renamed, ada, renamed.block("hw"), 10, 10);

        assertThat(lms.awaitPassingEvents(renamed, 1).get(0).data().course())
                .isEqualTo(new CourseData(first.key(), "New Title", Instant.parse("2026-02-02T08:00:00Z"), null));
        assertCertificate(lms.awaitCertificateEvents(renamed, 1).get(0).data(), ada, renamed, "masters", "1.0",
                "downloadable", "");
    }

    @Test
    void an_invalid_score_is_refused_naming_the_field_and_changes_and_announces_nothing() {
        Learner ada = lms.newLearner();
        Course course = lms.newCourse("Invalid Scores");
        Course other = lms.newCourse("Other Course");
        lms.enroll(ada, course, "verified");
        String exam = course.block("exam");

        refusedScore(course.key(), ada.username(), exam, "{\"earned\": 11, \"possible\": 10}", "earned");
        refusedScore(course.key(), ada.username(), exam, "{\"earned\": 5, \"possible\": 0}", "possible");
        refusedScore(course.key(), ada.username(), exam, "{\"earned\": -1, \"possible\": 10}", "earned");
        refusedScore(course.key(), ada.username(), exam, "{\"possible\": 10}", "earned");
        refusedScore(course.key(), ada.username(), exam, "{\"earned\": 10}", "possible");
        refusedScore(course.key(), ada.username(), exam, "{\"earned\": \"lots\", \"possible\": 10}", "earned");
        refusedScore(course.key(), ada.username(), exam, "{\"earned\": 10, ", "body");
        refusedScore(course.key(), ada.username(), other.block("exam"), "{\"earned\": 9, \"possible\": 10}", "usage_key");
        refusedScore(course.key(), ada.username(), "exam", "{\"earned\": 9, \"possible\": 10}", "usage_key");
        refusedScore("DemoX", ada.username(), exam, "{\"earned\": 9, \"possible\": 10}", "course_key");

        lms.grades(course, ada).expectStatus().isOk().expectBody().json("""
                {"percent": 0.0, "passed": false, "subsections": []}""");

        lms.score(course, ada, exam, 9, 10);
        // a refused request would have been announced before this first real crossing
        assertThat(lms.awaitPassingEvents(course, 1)).hasSize(1);
        assertThat(lms.awaitCertificateEvents(course, 1)).hasSize(1);
    }

    @Test
    void scores_need_a_known_learner_enrolled_in_a_known_course() {
        Learner enrolled = lms.newLearner();
        Learner notEnrolled = lms.newLearner();
        Course course = lms.newCourse("Who May Score");
        lms.enroll(enrolled, course, "verified");
        String body = "{\"earned\": 9, \"possible\": 10}";

        lms.putScore(course, notEnrolled, course.block("hw"), body).expectStatus().isNotFound();
        lms.putScore(course, new Learner(0, "nobody_" + Lms.unique(), "", ""), course.block("hw"), body)
                .expectStatus().isNotFound();
        Course unknown = new Course("course-v1:edX+Unknown" + Lms.unique() + "+2026", "?", null, null);
        lms.putScore(unknown, enrolled, unknown.block("hw"), body).expectStatus().isNotFound();

        lms.grades(course, notEnrolled).expectStatus().isNotFound();
        lms.grades(course, enrolled).expectStatus().isOk();
    }

    private void refusedScore(String courseKey, String username, String usageKey, String body, String field) {
        lms.http.put().uri("/api/grades/{course}/{user}/subsections/{block}", courseKey, username, usageKey)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    static CourseData courseData(Course course) {
        return new CourseData(course.key(), course.displayName(), course.start(), course.end());
    }

    static void assertCertificate(CertificateData certificate, Learner learner, Course course, String mode,
                                  String grade, String status, String previousStatus) {
        assertThat(certificate).usingRecursiveComparison().ignoringFields("downloadUrl")
                .isEqualTo(new CertificateData(learner.toUserData(), courseData(course), mode, grade, "",
                        learner.name(), status, previousStatus));
        if (status.equals("downloadable")) {
            assertThat(certificate.downloadUrl()).startsWith("/certificates/");
        } else {
            assertThat(certificate.downloadUrl()).isEmpty();
        }
    }
}
