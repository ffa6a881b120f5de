package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.testsupport.HttpReceiver;
import org.openedx.suite.testsupport.HttpReceiver.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * External certificate generation (issue 13): a run's provider is asked to generate the certificate of a learner who
 * passes in a mode it takes, and to revoke it when the certificate is invalidated; its id and URL show on the
 * learner's certificate.
 */
@LmsServiceTest
class ExternalCertificatesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired Lms lms;

    private final HttpReceiver provider = HttpReceiver.start();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void a_verified_learner_who_passes_gets_the_providers_certificate_and_loses_it_on_invalidation() {
        provider.answerAlways("/provider/certificates",
                Answer.json(201, "{\"id\": \"ext-42\", \"url\": \"https://certs.example.org/ext-42\"}"));
        provider.answerAlways("/provider/certificates/revocations", Answer.json(200, "{\"status\": \"revoked\"}"));
        Course course = lms.newCourse("External certificates");
        configure(course, "verified");
        Learner ada = lms.newLearner();
        Learner audit = lms.newLearner();
        lms.enroll(ada, course, "verified");
        lms.enroll(audit, course, "honor");

        lms.score(course, ada, course.block("final"), 9, 10);
        lms.score(course, audit, course.block("final"), 9, 10);

        JsonNode external = await().atMost(PATIENCE).until(() -> externalOf(ada, course),
                found -> found != null && found.get("status").asString().equals("generated"));
        assertThat(external.get("id").asString()).isEqualTo("ext-42");
        assertThat(external.get("url").asString()).isEqualTo("https://certs.example.org/ext-42");
        JsonNode request = Lms.json(provider.received("/provider/certificates").get(0).body());
        assertThat(provider.received("/provider/certificates")).hasSize(1);
        assertThat(request.get("reference").asString()).isEqualTo(course.key() + "/" + ada.username());
        assertThat(request.get("template_id").asString()).isEqualTo("tmpl-1");
        assertThat(request.get("username").asString()).isEqualTo(ada.username());
        assertThat(request.get("mode").asString()).isEqualTo("verified");
        assertThat(request.get("course_name").asString()).isEqualTo("External certificates");

        lms.invalidate(course, ada).expectStatus().isOk();

        await().atMost(PATIENCE).until(() -> externalOf(ada, course).get("status").asString(), "revoked"::equals);
        assertThat(provider.received("/provider/certificates/revocations")).singleElement()
                .satisfies(revocation -> assertThat(Lms.json(revocation.body()).get("reference").asString())
                        .isEqualTo(course.key() + "/" + ada.username()));
        // the honor learner's mode is not the provider's: never asked
        assertThat(provider.received("/provider/certificates"))
                .noneMatch(call -> call.body().contains(audit.username()));
        assertThat(externalOf(audit, course)).isNull();
    }

    @Test
    void a_provider_that_refuses_leaves_the_certificate_marked_failed_with_the_reason() {
        provider.answerAlways("/provider/certificates", Answer.json(422, "{\"detail\": \"unknown template\"}"));
        Course course = lms.newCourse("Refusing provider");
        configure(course, "verified");
        Learner ada = lms.newLearner();
        lms.enroll(ada, course, "verified");

        lms.score(course, ada, course.block("final"), 10, 10);

        JsonNode external = await().atMost(PATIENCE).until(() -> externalOf(ada, course),
                found -> found != null && found.get("status").asString().equals("failed"));
        assertThat(external.get("detail").asString()).contains("422");
        lms.certificates(ada).expectStatus().isOk().expectBody().jsonPath("$[0].status").isEqualTo("downloadable");
    }

    @Test
    void a_provider_url_must_be_one_the_suite_may_call_and_modes_must_be_known() {
        Course course = lms.newCourse("Provider checks");
        lms.http.put().uri("/api/courses/{key}/certificate-provider", course.key())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\": \"https://192.168.0.10/provider\", \"template_id\": \"t\", \"modes\": [\"verified\"]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        lms.http.put().uri("/api/courses/{key}/certificate-provider", course.key())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\": \"%s\", \"template_id\": \"t\", \"modes\": [\"verified\", \"gold\"]}"
                        .formatted(provider.url("/provider")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("modes[1]");
        lms.http.get().uri("/api/courses/{key}/certificate-provider", course.key()).exchange()
                .expectStatus().isNotFound();
    }

    private void configure(Course course, String mode) {
        lms.http.put().uri("/api/courses/{key}/certificate-provider", course.key())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\": \"%s\", \"template_id\": \"tmpl-1\", \"modes\": [\"%s\"]}"
                        .formatted(provider.url("/provider"), mode))
                .exchange().expectStatus().isOk();
    }

    private JsonNode externalOf(Learner learner, Course course) {
        JsonNode certificates = lms.certificates(learner).expectStatus().isOk().returnResult(JsonNode.class)
                .getResponseBody();
        for (JsonNode certificate : certificates) {
            if (certificate.get("course_key").asString().equals(course.key())) {
                JsonNode external = certificate.get("external");
                return external == null || external.isNull() ? null : external;
            }
        }
        return null;
    }
}
