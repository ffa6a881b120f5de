package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Exams;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.clients.Sandbox;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Credly integration (issue 14), every service its own process and the sandbox as Credly: the LMS's passing status
 * awards a badge in credentials, announced with the contract's headers and issued at Credly once; failing revokes it
 * there too; passing again awards it again. And the whole cascade from a rejected proctored exam.
 */
class BadgesFlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String PASSING = "org.openedx.learning.course.passing.status.updated.v1";

    @Test
    void passing_awards_a_badge_at_credly_failing_revokes_it_and_passing_again_awards_it_again() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.CREDENTIALS);
        Fixture fixture = new Fixture(suite);
        String template = fixture.credlyTemplate();
        String learner = fixture.learner();

        fixture.lms.grade(fixture.course, learner, fixture.block("final"), 9, 10);
        JsonNode badge = fixture.awaitBadge(learner, template, "awarded", "accepted");
        assertThat(fixture.credlyBadgesOf(learner)).singleElement().satisfies(issued ->
                assertThat(issued.path("state").asString()).isEqualTo("accepted"));

        fixture.lms.grade(fixture.course, learner, fixture.block("final"), 1, 10);
        fixture.awaitBadge(learner, template, "revoked", "revoked");
        assertThat(fixture.credlyBadgesOf(learner)).singleElement().satisfies(issued ->
                assertThat(issued.path("state").asString()).isEqualTo("revoked"));

        fixture.lms.grade(fixture.course, learner, fixture.block("final"), 10, 10);
        fixture.awaitBadge(learner, template, "awarded", "accepted");
        assertThat(fixture.credlyBadgesOf(learner)).extracting(issued -> issued.path("state").asString())
                .containsExactly("revoked", "accepted");
        assertThat(badge.path("uuid").asString()).isEqualTo(fixture.badgeOf(learner, template).path("uuid").asString());
    }

    @Test
    void credly_down_during_an_award_gets_the_badge_once_when_it_is_back() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.CREDENTIALS);
        Fixture fixture = new Fixture(suite);
        String template = fixture.credlyTemplate();
        String learner = fixture.learner();
        fixture.sandbox.fault("credly", "down", 4);
        try {
            fixture.lms.grade(fixture.course, learner, fixture.block("final"), 9, 10);

            fixture.awaitBadge(learner, template, "awarded", "accepted");
        } finally {
            fixture.sandbox.clearFaults();
        }
        List<JsonNode> tries = fixture.sandbox.received("credly-badge").stream()
                .filter(call -> call.at("/body/recipient_email").asString().equals(learner + "@example.org"))
                .toList();
        assertThat(tries).extracting(call -> call.path("answered_status").asInt()).containsExactly(503, 503, 503,
                503, 201);
        assertThat(tries).extracting(call -> call.path("idempotency_key").asString()).containsOnly(
                tries.get(0).path("idempotency_key").asString());
        assertThat(fixture.credlyBadgesOf(learner)).singleElement().satisfies(issued ->
                assertThat(issued.path("state").asString()).isEqualTo("accepted"));
    }

    @Test
    void a_rejected_proctored_exam_revokes_the_certificate_credential_program_certificate_and_badge_at_credly() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.CREDENTIALS,
                SuiteService.EXAMS);
        Fixture fixture = new Fixture(suite);
        Exams exams = new Exams(suite.service(SuiteService.EXAMS).baseUrl());
        String template = fixture.credlyTemplate();
        String program = fixture.program();
        String learner = fixture.learner();
        String proctored = fixture.block("proctored");
        long examId = exams.createProctoredExam(fixture.course, proctored, "Final exam");

        fixture.lms.grade(fixture.course, learner, proctored, 8, 10);
        fixture.awaitBadge(learner, template, "awarded", "accepted");
        await().atMost(EVENTUALLY).until(() -> fixture.programStatus(learner, program), Optional.of("awarded")::equals);

        long attempt = exams.startAttempt(examId, fixture.learnerId, learner);
        exams.act(attempt, "submit");
        exams.act(attempt, "reject");

        await().atMost(EVENTUALLY).until(() -> fixture.lms.certificateStatus(learner, fixture.course),
                Optional.of("unavailable")::equals);
        await().atMost(EVENTUALLY).until(() -> new org.openedx.suite.it.clients.Credentials(fixture.credentials)
                .status(learner, fixture.course), Optional.of("revoked")::equals);
        await().atMost(EVENTUALLY).until(() -> fixture.programStatus(learner, program), Optional.of("revoked")::equals);
        await().atMost(EVENTUALLY).until(() -> fixture.lmsProgramStatus(learner, program),
                Optional.of("revoked")::equals);
        fixture.awaitBadge(learner, template, "revoked", "revoked");
        assertThat(fixture.credlyBadgesOf(learner)).singleElement().satisfies(issued ->
                assertThat(issued.path("state").asString()).isEqualTo("revoked"));
    }

    /** A published course of a new organization, a verified learner in it, and the clients. */
    private static final class Fixture {
        final Lms lms;
        final String credentials;
        final Sandbox sandbox;
        final String org = "Bdg" + UUID.randomUUID().toString().substring(0, 6);
        final String course = "course-v1:" + org + "+Badges+2026";
        long learnerId;
        private final Suite suite;

        Fixture(Suite suite) {
            this.suite = suite;
            this.lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
            this.credentials = suite.service(SuiteService.CREDENTIALS).baseUrl();
            this.sandbox = new Sandbox(suite.sandboxUrl());
            new Cms(suite.service(SuiteService.CMS).baseUrl()).createAndPublish(course, "Badges " + org);
            await().atMost(EVENTUALLY).until(() -> lms.course(course), Optional::isPresent);
        }

        String learner() {
            String learner = "badge_" + UUID.randomUUID().toString().substring(0, 8);
            learnerId = lms.createUser(learner);
            lms.enroll(learner, course, "verified");
            return learner;
        }

        String block(String id) {
            return "block-v1:" + course.substring("course-v1:".length()) + "+type@sequential+block@" + id;
        }

        /** Passing awards it, failing (a penalty) resets and revokes it. */
        String credlyTemplate() {
            Http.Response created = Http.post(credentials + "/api/badge-templates", Map.of("name", "Passed " + org,
                    "organization", org, "provider", "credly", "provider_template_id", "tmpl-" + org,
                    "requirements", List.of(Map.of("event_type", PASSING, "rules", List.of(Map.of(
                            "data_path", "is_passing", "operator", "eq", "value", true)))),
                    "penalties", List.of(Map.of("event_type", PASSING, "resets", List.of(0), "rules", List.of(
                            Map.of("data_path", "is_passing", "operator", "eq", "value", false))))));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String uuid = created.json().path("uuid").asString();
            assertThat(Http.post(credentials + "/api/badge-templates/" + uuid + "/activate", Map.of()).status())
                    .isEqualTo(200);
            return uuid;
        }

        String program() {
            Http.Response created = Http.post(credentials + "/api/programs", Map.of("title", "Program " + org,
                    "organization", org, "type", "MicroMasters", "course_keys", List.of(course)));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            return created.json().path("uuid").asString();
        }

        JsonNode awaitBadge(String learner, String template, String status, String providerState) {
            return await().atMost(EVENTUALLY).until(() -> badgeOf(learner, template), badge -> badge != null
                    && badge.path("status").asString().equals(status)
                    && badge.path("provider_state").asString().equals(providerState));
        }

        JsonNode badgeOf(String learner, String template) {
            Http.Response badges = Http.get(credentials + "/api/badges?username=" + learner);
            if (badges.status() != 200) {
                return null;
            }
            for (JsonNode badge : badges.json()) {
                if (badge.path("template_uuid").asString().equals(template)) {
                    return badge;
                }
            }
            return null;
        }

        /** The badges the sandbox's Credly holds for the learner, in issue order. */
        List<JsonNode> credlyBadgesOf(String learner) {
            return sandbox.received("credly-badge").stream()
                    .filter(call -> call.path("answered_status").asInt() / 100 == 2)
                    .filter(call -> call.at("/body/recipient_email").asString().equals(learner + "@example.org"))
                    .map(call -> credlyBadge(call))
                    .toList();
        }

        private JsonNode credlyBadge(JsonNode issueCall) {
            String key = issueCall.path("idempotency_key").asString();
            Http.Response all = Http.exchangeAs("GET", suite.sandboxUrl()
                    + "/credly/v1/organizations/suite-org/badges", null, "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("change-me-credly:".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String email = issueCall.at("/body/recipient_email").asString();
            String issuedAt = issueCall.at("/body/issued_at").asString();
            for (JsonNode badge : all.json().path("data")) {
                if (badge.path("recipient_email").asString().equals(email)
                        && badge.path("issued_at").asString().equals(issuedAt)) {
                    return badge;
                }
            }
            throw new AssertionError("no Credly badge for the issue call " + key);
        }

        Optional<String> programStatus(String learner, String program) {
            return statusIn(credentials + "/api/program-certificates?username=" + learner, program);
        }

        Optional<String> lmsProgramStatus(String learner, String program) {
            return statusIn(suite.service(SuiteService.LMS).baseUrl() + "/api/programs/certificates?username="
                    + learner, program);
        }

        private static Optional<String> statusIn(String url, String program) {
            Http.Response response = Http.get(url);
            if (response.status() != 200) {
                return Optional.empty();
            }
            for (JsonNode certificate : response.json()) {
                if (program.equals(certificate.path("program_uuid").asString())) {
                    return Optional.of(certificate.path("status").asString());
                }
            }
            return Optional.empty();
        }
    }
}
