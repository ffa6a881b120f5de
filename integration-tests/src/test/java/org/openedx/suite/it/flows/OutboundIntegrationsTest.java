package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.clients.Sandbox;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * The three outbound use cases of issue 13, LMS and integration sandbox as separate processes talking HTTP: webhooks
 * arrive signed as Standard Webhooks says, an external provider generates and revokes certificates, a plagiarism
 * service checks submissions and calls back, signed, with a score only staff see.
 */
class OutboundIntegrationsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String CREATED = "org.openedx.learning.certificate.created.v1";
    private static final String REVOKED = "org.openedx.learning.certificate.revoked.v1";
    private static final String CATALOG = "org.openedx.content_authoring.course.catalog_info.changed.v1";

    private static Suite suite;
    private static Cms cms;
    private static Lms lms;
    private static Sandbox sandbox;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String courseKey = "course-v1:edX+Out" + run + "+2026";

    @BeforeAll
    static void suite() {
        suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS);
        cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        sandbox = new Sandbox(suite.sandboxUrl());
    }

    @Test
    void webhooks_reach_the_receiver_once_each_with_a_valid_signature_in_order() {
        String receiver = "flow-" + run;
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(("secret-of-" + run).getBytes());
        sandbox.receiverSecret(receiver, secret);
        lms.subscribeWebhook(suite.sandboxUrl() + "/webhooks/" + receiver, secret, CATALOG, CREATED, REVOKED);
        publishedCourse("Webhooks in the flow");
        String learner = learner("verified");

        lms.grade(courseKey, learner, usageKey("final"), 9, 10);
        lms.grade(courseKey, learner, usageKey("final"), 1, 10);

        List<JsonNode> received = await().atMost(EVENTUALLY).until(() -> sandbox.webhooks(receiver),
                calls -> calls.size() >= 3);
        assertThat(received).extracting(call -> call.at("/body/type").asString())
                .containsExactly(CATALOG, CREATED, REVOKED);
        assertThat(received).allSatisfy(call -> {
            assertThat(call.path("signature_valid").asBoolean()).as("signature of %s", call).isTrue();
            assertThat(call.path("duplicate").asBoolean()).isFalse();
        });
        assertThat(received.get(1).at("/body/data/certificate/user/pii/username").asString()).isEqualTo(learner);
    }

    @Test
    void an_external_provider_generates_the_certificate_and_revokes_it_on_invalidation() {
        publishedCourse("External certificates in the flow");
        lms.certificateProvider(courseKey, suite.sandboxUrl() + "/certificate-provider", "flow-template", "verified");
        String learner = learner("verified");

        lms.grade(courseKey, learner, usageKey("final"), 10, 10);

        JsonNode external = await().atMost(EVENTUALLY).until(() -> externalOf(learner),
                found -> found.isPresent() && found.get().path("status").asString().equals("generated")).get();
        assertThat(external.path("url").asString()).startsWith(suite.sandboxUrl() + "/certificate-provider/");
        lms.invalidateCertificate(courseKey, learner);
        await().atMost(EVENTUALLY).until(() -> externalOf(learner).map(e -> e.path("status").asString()),
                Optional.of("revoked")::equals);
        assertThat(sandbox.received("revocation")).anySatisfy(revocation -> assertThat(
                revocation.at("/body/reference").asString()).isEqualTo(courseKey + "/" + learner));
    }

    @Test
    void a_submission_is_checked_by_the_plagiarism_service_whose_signed_score_only_staff_see() {
        publishedCourse("Essays in the flow");
        String learner = learner("verified");
        String teacher = "teacher_" + run;
        lms.createUser(teacher);
        Http.post(suite.service(SuiteService.LMS).baseUrl() + "/api/courses/" + courseKey + "/staff/" + teacher,
                Map.of());
        String ora = "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@openassessment+block@essay";
        String submissions = suite.service(SuiteService.LMS).baseUrl() + "/api/ora/" + ora + "/submissions";

        Http.Response submitted = Http.exchangeAs("POST", submissions, Map.of("text",
                "To be, or not to be, that is the question: whether tis nobler in the mind to suffer"),
                "Bearer " + suite.identity().userToken(learner));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);

        JsonNode checked = await().atMost(EVENTUALLY).until(() -> Http.exchangeAs("GET", submissions, null,
                        "Bearer " + suite.identity().userToken(teacher)).json().get(0),
                submission -> submission != null && submission.at("/plagiarism/status").asString().equals("checked"));
        assertThat(checked.at("/plagiarism/similarity").asDouble()).isGreaterThan(0.5);
        assertThat(checked.at("/plagiarism/report_url").asString()).startsWith(suite.sandboxUrl());
        assertThat(Http.exchangeAs("GET", submissions, null, "Bearer " + suite.identity().userToken(learner))
                .status()).isEqualTo(403);
        assertThat(sandbox.received("plagiarism")).filteredOn(check -> check.at("/body/usage_key").asString()
                .equals(ora)).singleElement();
    }

    private void publishedCourse(String name) {
        cms.createAndPublish(courseKey, name);
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
    }

    private String learner(String mode) {
        String learner = "out_" + UUID.randomUUID().toString().substring(0, 8);
        lms.createUser(learner);
        lms.enroll(learner, courseKey, mode);
        return learner;
    }

    private Optional<JsonNode> externalOf(String learner) {
        return lms.certificate(learner, courseKey).map(certificate -> certificate.path("external"))
                .filter(external -> !external.isMissingNode() && !external.isNull());
    }

    private String usageKey(String block) {
        return "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@sequential+block@" + block;
    }
}
