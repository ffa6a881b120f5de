package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openedx.suite.lms.identity.SuiteTokens;
import org.openedx.suite.lms.user.Users;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may do what in the LMS (ADR 7, {@code LmsAccess}): a learner reads their own records and enrols only
 * themselves; course staff grade, invalidate and set the policy in their runs and in no other; users and course staff
 * are the operator's to manage. Each refusal is a 403 problem+json that changes nothing.
 */
@LmsServiceTest
class AccessTest {

    private final Lms lms;
    private final SuiteTokens tokens;
    private final Users users;
    private final JdbcTemplate jdbc;

    AccessTest(Lms lms, SuiteTokens tokens, Users users, JdbcTemplate jdbc) {
        this.lms = lms;
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Test
    void a_learner_reads_their_own_records_and_no_one_elses() {
        Lms.Course course = lms.newCourse("Access");
        Lms.Learner ada = lms.newLearner();
        Lms.Learner bob = lms.newLearner();
        lms.enroll(ada, course, "verified");
        lms.enroll(bob, course, "verified");
        lms.score(course, ada, course.block("hw1"), 8, 10);
        String asAda = tokenOf(ada);

        for (String own : List.of("/api/grades/{course}/{user}", "/api/credit/{course}/{user}",
                "/api/completion/{course}/{user}")) {
            get(own, asAda, course.key(), ada.username()).expectStatus().isOk();
            refused(get(own, asAda, course.key(), bob.username()));
        }
        get("/api/users/{user}", asAda, ada.username()).expectStatus().isOk();
        refused(get("/api/users/{user}", asAda, bob.username()));
        get("/api/certificates?username={user}", asAda, ada.username()).expectStatus().isOk();
        refused(get("/api/certificates?username={user}", asAda, bob.username()));
        refused(get("/api/courses/{course}/staff", asAda, course.key()));
        get("/api/courses/{course}", asAda, course.key()).expectStatus().isOk();
    }

    @Test
    void a_learner_neither_grades_nor_invalidates_nor_manages_even_their_own_records() {
        Lms.Course course = lms.newCourse("Access");
        Lms.Learner ada = lms.newLearner();
        lms.enroll(ada, course, "verified");
        String asAda = tokenOf(ada);
        long gradesBefore = count("subsection_grade");

        refused(lms.http.put().uri("/api/grades/{course}/{user}/subsections/{block}", course.key(), ada.username(),
                        course.block("hw1")).header(HttpHeaders.AUTHORIZATION, asAda)
                .contentType(MediaType.APPLICATION_JSON).body("{\"earned\": 10, \"possible\": 10}").exchange());
        refused(lms.http.post().uri("/api/certificates/{course}/{user}/invalidate", course.key(), ada.username())
                .header(HttpHeaders.AUTHORIZATION, asAda).exchange());
        refused(lms.http.put().uri("/api/courses/{course}/grading-policy", course.key())
                .header(HttpHeaders.AUTHORIZATION, asAda).contentType(MediaType.APPLICATION_JSON)
                .body("{\"passing_grade\": 0.1, \"credit_course\": false}").exchange());
        refused(lms.http.post().uri("/api/courses/{course}/staff/{user}", course.key(), ada.username())
                .header(HttpHeaders.AUTHORIZATION, asAda).exchange());
        refused(lms.http.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, asAda)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\": \"mallory_" + Lms.unique() + "\", \"email\": \"m@example.com\", \"name\": \"M\"}")
                .exchange());

        assertThat(count("subsection_grade")).isEqualTo(gradesBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM course_staff WHERE course_key = ?", Long.class,
                course.key())).isZero();
    }

    @Test
    void a_learner_enrols_themselves_and_no_one_else() {
        Lms.Course course = lms.newCourse("Access");
        Lms.Learner ada = lms.newLearner();
        Lms.Learner bob = lms.newLearner();

        enrol(tokenOf(ada), ada, course).expectStatus().isCreated();
        refused(enrol(tokenOf(ada), bob, course));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE user_id = ?", Long.class, bob.id()))
                .isZero();
    }

    @Test
    void a_learner_unenrols_themselves_and_no_one_else_and_course_staff_unenrol_in_their_run() {
        Lms.Course course = lms.newCourse("Access");
        Lms.Course other = lms.newCourse("Not staffed");
        Lms.Learner ada = lms.newLearner();
        Lms.Learner bob = lms.newLearner();
        Lms.Learner carol = lms.newLearner();
        lms.enroll(ada, course, "verified");
        lms.enroll(bob, course, "verified");
        lms.enroll(bob, other, "verified");
        lms.http.post().uri("/api/courses/{course}/staff/{user}", course.key(), carol.username()).exchange()
                .expectStatus().isCreated();

        refused(unenrol(tokenOf(ada), bob, course));
        refused(get("/api/enrollments/{course}/{user}", tokenOf(ada), course.key(), bob.username()));
        refused(unenrol(tokenOf(carol), bob, other));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE user_id = ? AND is_active",
                Long.class, bob.id())).isEqualTo(2);

        unenrol(tokenOf(ada), ada, course).expectStatus().isOk().expectBody().jsonPath("$.is_active").isEqualTo(false);
        get("/api/enrollments/{course}/{user}", tokenOf(ada), course.key(), ada.username()).expectStatus().isOk();
        unenrol(tokenOf(carol), bob, course).expectStatus().isOk()
                .expectBody().jsonPath("$.is_active").isEqualTo(false);
    }

    @Test
    void course_staff_act_in_their_run_and_in_no_other() throws Exception {
        Lms.Course theirs = lms.newCourse("Staffed");
        Lms.Course other = lms.newCourse("Not staffed");
        Lms.Learner ada = lms.newLearner();
        Lms.Learner carol = lms.newLearner();
        lms.enroll(ada, theirs, "verified");
        lms.enroll(ada, other, "verified");

        staff(theirs, carol).expectStatus().isCreated()
                .expectBody().jsonPath("$.course_key").isEqualTo(theirs.key())
                .jsonPath("$.username").isEqualTo(carol.username());
        staff(theirs, carol).expectStatus().isOk();
        lms.http.get().uri("/api/courses/{course}/staff", theirs.key()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].username").isEqualTo(List.of(carol.username()));
        String asCarol = tokenOf(carol);
        Map<String, Object> claims = SignedJWT.parse(asCarol.substring("Bearer ".length())).getJWTClaimsSet()
                .getClaims();
        assertThat(claims).containsEntry("course_staff", List.of(theirs.key()))
                .containsEntry("roles", List.of("learner", "staff"));

        score(asCarol, theirs, ada).expectStatus().isOk();
        get("/api/grades/{course}/{user}", asCarol, theirs.key(), ada.username()).expectStatus().isOk();
        get("/api/courses/{course}/staff", asCarol, theirs.key()).expectStatus().isOk();
        enrol(asCarol, lms.newLearner(), theirs).expectStatus().isCreated();
        long gradesBefore = count("subsection_grade");
        refused(score(asCarol, other, ada));
        refused(get("/api/grades/{course}/{user}", asCarol, other.key(), ada.username()));
        refused(lms.http.post().uri("/api/certificates/{course}/{user}/invalidate", other.key(), ada.username())
                .header(HttpHeaders.AUTHORIZATION, asCarol).exchange());
        refused(enrol(asCarol, lms.newLearner(), other));
        assertThat(count("subsection_grade")).isEqualTo(gradesBefore);

        lms.http.delete().uri("/api/courses/{course}/staff/{user}", theirs.key(), carol.username()).exchange()
                .expectStatus().isNoContent();
        refused(score(tokenOf(carol), theirs, ada));
        lms.http.delete().uri("/api/courses/{course}/staff/{user}", theirs.key(), carol.username()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void a_client_reads_what_its_scopes_allow_and_changes_nothing() throws Exception {
        Lms.Course course = lms.newCourse("Access");
        Lms.Learner ada = lms.newLearner();
        lms.enroll(ada, course, "verified");
        String token = Lms.json(lms.clientToken(LmsServiceTest.REPORTING_CLIENT, LmsServiceTest.REPORTING_SECRET)
                .expectStatus().isOk().returnResult(String.class).getResponseBody()).get("access_token").asString();
        Map<String, Object> claims = SignedJWT.parse(token).getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("preferred_username", LmsServiceTest.REPORTING_CLIENT)
                .containsEntry("administrator", false)
                .containsEntry("roles", List.of());
        assertThat(claims.get("scopes")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("grades:read", "certificates:read");
        String asClient = "Bearer " + token;

        get("/api/grades/{course}/{user}", asClient, course.key(), ada.username()).expectStatus().isOk();
        get("/api/certificates?username={user}", asClient, ada.username()).expectStatus().isOk();
        refused(get("/api/users/{user}", asClient, ada.username()));
        refused(score(asClient, course, ada));
        refused(enrol(asClient, lms.newLearner(), course));
    }

    private RestTestClient.ResponseSpec staff(Lms.Course course, Lms.Learner user) {
        return lms.http.post().uri("/api/courses/{course}/staff/{user}", course.key(), user.username()).exchange();
    }

    private RestTestClient.ResponseSpec score(String token, Lms.Course course, Lms.Learner learner) {
        return lms.http.put().uri("/api/grades/{course}/{user}/subsections/{block}", course.key(),
                        learner.username(), course.block("hw1")).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"earned\": 9, \"possible\": 10}").exchange();
    }

    private RestTestClient.ResponseSpec enrol(String token, Lms.Learner learner, Lms.Course course) {
        return lms.http.post().uri("/api/enrollments").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"username": "%s", "course_key": "%s", "mode": "audit"}"""
                        .formatted(learner.username(), course.key()))
                .exchange();
    }

    private RestTestClient.ResponseSpec unenrol(String token, Lms.Learner learner, Lms.Course course) {
        return lms.http.delete().uri("/api/enrollments/{course}/{user}", course.key(), learner.username())
                .header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private RestTestClient.ResponseSpec get(String uri, String token, Object... variables) {
        return lms.http.get().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private static void refused(RestTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    private String tokenOf(Lms.Learner learner) {
        return "Bearer " + tokens.forUser(users.require(learner.username())).accessToken();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
