package org.openedx.suite.lms;

import org.junit.jupiter.api.Test;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Learner accounts and enrollments over REST. */
@LmsServiceTest
class UsersAndEnrollmentsTest {

    @Autowired Lms lms;


    @Test
    void a_new_user_is_created_active_with_an_lms_user_id() {
        String username = "grace_" + Lms.unique();

        lms.http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body("""
                        {"username": "%s", "email": "grace@example.com", "name": "Grace Hopper"}""".formatted(username))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNumber()
                .json("""
                        {"username": "%s", "email": "grace@example.com", "name": "Grace Hopper", "is_active": true}"""
                        .formatted(username));

        lms.http.get().uri("/api/users/{username}", username).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"username": "%s", "name": "Grace Hopper", "is_active": true}""".formatted(username));
    }

    @Test
    void a_taken_username_is_a_conflict() {
        Learner learner = lms.newLearner();

        lms.http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body("""
                        {"username": "%s", "email": "other@example.com", "name": "Someone Else"}"""
                        .formatted(learner.username()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        lms.http.get().uri("/api/users/{username}", learner.username()).exchange()
                .expectBody().jsonPath("$.email").isEqualTo(learner.email());
    }

    @Test
    void an_unknown_user_is_not_found() {
        lms.http.get().uri("/api/users/{username}", "nobody_" + Lms.unique()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_invalid_user_is_refused_naming_the_field_and_not_created() {
        String username = "invalid_" + Lms.unique();
        refusedUser("""
                {"email": "a@example.com", "name": "No Username"}""", "username");
        refusedUser("""
                {"username": "%s", "email": "not an email", "name": "Bad Email"}""".formatted(username), "email");
        refusedUser("""
                {"username": "%s", "name": "No Email"}""".formatted(username), "email");
        refusedUser("""
                {"username": "%s", "email": "a@example.com"}""".formatted(username), "name");
        refusedUser("""
                {"username": "has spaces", "email": "a@example.com", "name": "Spaces"}""", "username");
        refusedUser("{\"username\": ", "body");

        lms.http.get().uri("/api/users/{username}", username).exchange().expectStatus().isNotFound();
    }

    @Test
    void enrolling_creates_the_enrollment_and_enrolling_again_changes_its_mode() {
        Learner learner = lms.newLearner();
        Course course = lms.newCourse("Enrollment Course");

        enroll(learner.username(), course.key(), "audit")
                .expectStatus().isCreated()
                .expectBody().json("""
                        {"username": "%s", "course_key": "%s", "mode": "audit", "is_active": true}"""
                        .formatted(learner.username(), course.key()));

        enroll(learner.username(), course.key(), "no-id-professional")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("no-id-professional");
    }

    @Test
    void every_open_edx_mode_is_accepted() {
        Learner learner = lms.newLearner();
        for (String mode : new String[] {"audit", "honor", "verified", "professional", "no-id-professional", "masters"}) {
            Course course = lms.newCourse("Mode " + mode);
            enroll(learner.username(), course.key(), mode).expectStatus().isCreated();
        }
    }

    @Test
    void enrolling_an_unknown_user_or_in_a_run_the_catalog_has_not_announced_is_not_found() {
        Learner learner = lms.newLearner();
        Course course = lms.newCourse("Known Course");

        enroll("nobody_" + Lms.unique(), course.key(), "verified").expectStatus().isNotFound();
        enroll(learner.username(), "course-v1:edX+NotAnnounced" + Lms.unique() + "+2026", "verified")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_invalid_enrollment_is_refused_naming_the_field() {
        Learner learner = lms.newLearner();
        Course course = lms.newCourse("Invalid Enrollment");

        refusedEnrollment(enroll(learner.username(), course.key(), "gold"), "mode");
        refusedEnrollment(enroll(learner.username(), "DemoX", "verified"), "course_key");
        refusedEnrollment(lms.http.post().uri("/api/enrollments").contentType(MediaType.APPLICATION_JSON).body("""
                {"course_key": "%s", "mode": "verified"}""".formatted(course.key())).exchange(), "username");
        refusedEnrollment(lms.http.post().uri("/api/enrollments").contentType(MediaType.APPLICATION_JSON).body("""
                {"username": "%s", "course_key": "%s"}""".formatted(learner.username(), course.key())).exchange(), "mode");

        // nothing was enrolled: the first real enrollment is a creation
        enroll(learner.username(), course.key(), "verified").expectStatus().isCreated();
    }

    @Test
    void an_unenrolled_learner_keeps_grades_and_certificate_scores_no_more_and_enrolling_again_reactivates() {
        Learner learner = lms.newLearner();
        Course course = lms.newCourse("Unenrolment");
        lms.gradingPolicy(course, "0.5", false);
        lms.enroll(learner, course, "verified");
        lms.score(course, learner, course.block("hw1"), 8, 10);

        unenroll(learner.username(), course.key()).expectStatus().isOk().expectBody().json("""
                {"username": "%s", "course_key": "%s", "mode": "verified", "is_active": false}"""
                .formatted(learner.username(), course.key()));
        enrollment(learner.username(), course.key()).expectStatus().isOk()
                .expectBody().jsonPath("$.is_active").isEqualTo(false);
        // unenrolling again changes nothing
        unenroll(learner.username(), course.key()).expectStatus().isOk()
                .expectBody().jsonPath("$.is_active").isEqualTo(false);

        lms.putScore(course, learner, course.block("hw2"), "{\"earned\": 1, \"possible\": 10}")
                .expectStatus().isNotFound();
        lms.grades(course, learner).expectStatus().isOk().expectBody().jsonPath("$.passed").isEqualTo(true);
        lms.certificates(learner).expectStatus().isOk().expectBody()
                .jsonPath("$[0].status").isEqualTo("downloadable");

        enroll(learner.username(), course.key(), "audit").expectStatus().isOk().expectBody().json("""
                {"mode": "audit", "is_active": true}""");
        enrollment(learner.username(), course.key()).expectStatus().isOk().expectBody()
                .jsonPath("$.is_active").isEqualTo(true).jsonPath("$.mode").isEqualTo("audit");
        lms.score(course, learner, course.block("hw2"), 1, 10);
    }

    @Test
    void unenrolling_someone_never_enrolled_an_unknown_user_or_course_is_not_found_and_a_bad_key_is_refused() {
        Learner learner = lms.newLearner();
        Course course = lms.newCourse("Unenrolment 404");

        unenroll(learner.username(), course.key()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        enrollment(learner.username(), course.key()).expectStatus().isNotFound();
        unenroll("nobody_" + Lms.unique(), course.key()).expectStatus().isNotFound();
        unenroll(learner.username(), "course-v1:edX+NotAnnounced" + Lms.unique() + "+2026").expectStatus()
                .isNotFound();
        refusedEnrollment(unenroll(learner.username(), "DemoX-2026"), "course_key");
        refusedEnrollment(enrollment(learner.username(), "DemoX-2026"), "course_key");
    }

    private RestTestClient.ResponseSpec unenroll(String username, String courseKey) {
        return lms.http.delete().uri("/api/enrollments/{course}/{user}", courseKey, username).exchange();
    }

    private RestTestClient.ResponseSpec enrollment(String username, String courseKey) {
        return lms.http.get().uri("/api/enrollments/{course}/{user}", courseKey, username).exchange();
    }

    private RestTestClient.ResponseSpec enroll(String username, String courseKey, String mode) {
        return lms.http.post().uri("/api/enrollments").contentType(MediaType.APPLICATION_JSON).body("""
                {"username": "%s", "course_key": "%s", "mode": "%s"}""".formatted(username, courseKey, mode)).exchange();
    }

    private void refusedUser(String body, String field) {
        lms.http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> org.assertj.core.api.Assertions
                        .assertThat(fields.toString()).contains(field));
    }

    private static void refusedEnrollment(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
