package org.openedx.suite.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.CERTIFICATE_CREATED;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.credentials.Lms.Learner;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What clients may ask, and how a question the service cannot answer is refused. */
@CredentialsServiceTest
class CredentialsApiTest {

    private final CredentialsApi api;
    private final Lms lms;

    CredentialsApiTest(CredentialsApi api, Lms lms) {
        this.api = api;
        this.lms = lms;
    }

    @Test
    void listing_credentials_needs_the_username() {
        api.get("/api/credentials")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("username"))
                .jsonPath("$.errors[0].field").isEqualTo("username");
    }

    @Test
    void a_blank_username_is_refused_like_a_missing_one() {
        api.get("/api/credentials?username=")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
    }

    @Test
    void a_learner_without_credentials_has_an_empty_list() {
        api.get("/api/credentials?username={username}", "nobody_" + UUID.randomUUID())
                .expectStatus().isOk()
                .expectBody().json("[]");
    }

    @Test
    void a_credential_is_looked_up_by_a_uuid_and_a_malformed_one_is_refused_naming_the_field() {
        api.get("/api/credentials/not-a-uuid")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("uuid"))
                .jsonPath("$.errors[0].field").isEqualTo("uuid");
    }

    @Test
    void an_unknown_credential_is_not_found() {
        api.get("/api/credentials/{uuid}", UUID.randomUUID())
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_learner_is_not_found() {
        api.get("/api/learners/{username}", "nobody_" + UUID.randomUUID())
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void credentials_can_be_narrowed_to_one_course_run_given_as_a_course_key() {
        Learner grace = Learner.named("Grace Hopper");
        String first = Lms.newCourseKey();
        String second = Lms.newCourseKey();
        lms.send(CERTIFICATE_CREATED, Lms.downloadable(grace, first, "verified"), Instant.now());
        lms.send(CERTIFICATE_CREATED, Lms.downloadable(grace, second, "honor"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.credentialsOf(grace.username()).size() == 2);

        api.get("/api/credentials?username={username}&course_key={course_key}", grace.username(), second)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].course_key").isEqualTo(second)
                .jsonPath("$[0].certificate_type").isEqualTo("honor");
    }

    @Test
    void a_malformed_course_key_is_refused_naming_the_field() {
        api.get("/api/credentials?username=ada&course_key=DemoX")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("course_key");
    }

    @Test
    void the_service_describes_its_api_and_reports_its_health() {
        api.get("/v3/api-docs")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/credentials']").exists()
                .jsonPath("$.paths['/api/credentials/{uuid}']").exists()
                .jsonPath("$.paths['/api/learners/{username}']").exists();
        api.get("/actuator/health")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** ADR 7: credentials carry a learner's email; no one else's token reads them. */
    @Test
    void a_learner_reads_their_own_credentials_and_no_one_elses() {
        Learner ada = Learner.named("Ada Lovelace");
        Learner bob = Learner.named("Bob Barker");
        String course = Lms.newCourseKey();
        lms.send(CERTIFICATE_CREATED, Lms.downloadable(ada, course, "verified"), Instant.now());
        lms.send(CERTIFICATE_CREATED, Lms.downloadable(bob, course, "verified"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.credentialsOf(bob.username()).size() == 1);
        UUID adas = api.credentialsOf(ada.username()).get(0).uuid();
        UUID bobs = api.credentialsOf(bob.username()).get(0).uuid();
        String asAda = TestIssuer.learnerToken(ada.id(), ada.username());

        api.getWithToken(asAda, "/api/credentials?username={username}", ada.username()).expectStatus().isOk()
                .expectBody().jsonPath("$[0].uuid").isEqualTo(adas.toString());
        api.getWithToken(asAda, "/api/credentials/{uuid}", adas).expectStatus().isOk();
        api.getWithToken(asAda, "/api/learners/{username}", ada.username()).expectStatus().isOk();
        forbidden(api.getWithToken(asAda, "/api/credentials?username={username}", bob.username()));
        forbidden(api.getWithToken(asAda, "/api/credentials/{uuid}", bobs));
        forbidden(api.getWithToken(asAda, "/api/learners/{username}", bob.username()));
    }

    @Test
    void course_staff_read_credentials_of_their_run_and_clients_with_the_scope_read_any() {
        Learner ada = Learner.named("Ada Lovelace");
        String theirs = Lms.newCourseKey();
        String other = Lms.newCourseKey();
        lms.send(CERTIFICATE_CREATED, Lms.downloadable(ada, theirs, "verified"), Instant.now());
        lms.send(CERTIFICATE_CREATED, Lms.downloadable(ada, other, "verified"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.credentialsOf(ada.username()).size() == 2);
        UUID inTheirs = api.credentialsOf(ada.username()).stream()
                .filter(credential -> credential.courseKey().equals(theirs)).findFirst().orElseThrow().uuid();
        UUID inOther = api.credentialsOf(ada.username()).stream()
                .filter(credential -> credential.courseKey().equals(other)).findFirst().orElseThrow().uuid();
        String asStaff = TestIssuer.staffToken(Lms.Learner.named("Carol").id(), "carol", theirs);

        api.getWithToken(asStaff, "/api/credentials?username={username}&course_key={course_key}", ada.username(),
                theirs).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        api.getWithToken(asStaff, "/api/credentials/{uuid}", inTheirs).expectStatus().isOk();
        forbidden(api.getWithToken(asStaff, "/api/credentials?username={username}", ada.username()));
        forbidden(api.getWithToken(asStaff, "/api/credentials/{uuid}", inOther));

        String reporting = TestIssuer.clientToken("reporting", "credentials:read");
        api.getWithToken(reporting, "/api/credentials?username={username}", ada.username()).expectStatus().isOk();
        api.getWithToken(reporting, "/api/credentials/{uuid}", inOther).expectStatus().isOk();
        forbidden(api.getWithToken(TestIssuer.clientToken("other", "grades:read"), "/api/credentials/{uuid}",
                inOther));
    }

    private static void forbidden(RestTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void only_the_operator_reads_and_replays_dead_letters_and_health_details() {
        api.checkOperatorEndpointsGuarded();
    }
}
