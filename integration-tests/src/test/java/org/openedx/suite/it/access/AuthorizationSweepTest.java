package org.openedx.suite.it.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openedx.suite.it.badinput.ApiOperations;
import org.openedx.suite.it.badinput.WrittenState;
import org.openedx.suite.it.badinput.WrittenState.Snapshot;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Credentials;
import org.openedx.suite.it.clients.Exams;
import org.openedx.suite.it.clients.Insights;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Issue 12, the authorization sweep: every operation every service describes at {@code /v3/api-docs}, sent as a
 * well-formed request that the operator's token would pass, by callers who may not make it. No token, a malformed
 * one, one signed by another key, an expired one and one for another audience get 401; a learner who is not the
 * learner the request is about, and staff of another course run, get 403, except on the catalog reads open to every
 * user. Every refusal is problem+json; after each, the service's database is unchanged, and after all of them no
 * database and no topic has changed.
 *
 * <p>Operations since issue 15 also name the callers who may make them, whose reads must answer 200 and change
 * nothing as well (insights' figures, feed and statements; the LMS's read of an enrollment), and further callers
 * refused with 403 (the course's own learner, for insights).
 */
class AuthorizationSweepTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private static Suite suite;
    private static WrittenState written;
    private static Snapshot settledFixture;
    private static final Map<SuiteService, Map<String, Set<String>>> ROWS_BEFORE = new EnumMap<>(SuiteService.class);
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger UNAUTHORIZED = new AtomicInteger();
    private static final AtomicInteger FORBIDDEN = new AtomicInteger();
    private static final AtomicInteger ALLOWED = new AtomicInteger();
    private static final AtomicInteger OTHER = new AtomicInteger();
    private static final AtomicInteger ROWS_WRITTEN = new AtomicInteger();
    private static long messagesPublished = -1;
    private static List<Operation> operations;
    private static Map<String, String> refusedCallers;
    private static Map<String, String> otherUsers;

    /**
     * A well-formed request; {@code openToEveryUser}: any user's token passes (the published catalog).
     *
     * @param headers   sent besides the JSON client's, replacing one of the same name (an {@code Accept})
     * @param forbidden further callers refused with 403, by name, each with its {@code Authorization} header
     * @param allowed   callers who may make it (a read: 200 and nothing written), by name; a caller also named
     *                  among the refused callers (no token, for a public page) is not refused
     */
    record Operation(SuiteService service, String method, String documented, String path, Object body,
                     boolean openToEveryUser, Map<String, String> headers, Map<String, String> forbidden,
                     Map<String, String> allowed) {

        Operation(SuiteService service, String method, String documented, String path, Object body,
                  boolean openToEveryUser) {
            this(service, method, documented, path, body, openToEveryUser, Map.of(), Map.of(), Map.of());
        }

        String name() {
            return service.module() + " " + method + " " + documented;
        }

        Operation headers(Map<String, String> sent) {
            return new Operation(service, method, documented, path, body, openToEveryUser, sent, forbidden, allowed);
        }

        Operation forbidden(Map<String, String> callers) {
            return new Operation(service, method, documented, path, body, openToEveryUser, headers, callers, allowed);
        }

        Operation allowed(Map<String, String> callers) {
            return new Operation(service, method, documented, path, body, openToEveryUser, headers, forbidden,
                    callers);
        }
    }

    @BeforeAll
    static void a_suite_with_a_course_a_certified_learner_an_attempt_and_callers_who_may_not_touch_them()
            throws Exception {
        suite = RunningSuite.with(SuiteService.values());
        String run = UUID.randomUUID().toString().substring(0, 6);
        String course = "course-v1:edX+Authz" + run + "+2026";
        String elsewhere = "course-v1:edX+Elsewhere" + run + "+2026";
        Cms cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        Lms lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        Exams exams = new Exams(suite.service(SuiteService.EXAMS).baseUrl());
        Credentials credentials = new Credentials(suite.service(SuiteService.CREDENTIALS).baseUrl());

        cms.createAndPublish(course, "Authorization sweep");
        String chapter = cms.addBlock(course, null, "chapter", "Authorization chapter", null);
        await().atMost(EVENTUALLY).until(() -> lms.course(course), Optional::isPresent);
        String learner = "learner_" + run;
        long learnerId = lms.createUser(learner);
        String bystander = "bystander_" + run;
        long bystanderId = lms.createUser(bystander);
        lms.gradingPolicy(course, 0.5, false);
        String credentialsUrl = suite.service(SuiteService.CREDENTIALS).baseUrl();
        String badgeTemplate = Http.post(credentialsUrl + "/api/badge-templates", Map.of("name", "Authz badge",
                "organization", "edX", "provider", "internal", "requirements", List.of(Map.of("event_type",
                        "org.openedx.learning.course.passing.status.updated.v1", "rules", List.of(Map.of(
                                "data_path", "course.course_key", "operator", "eq", "value", course))))))
                .json().path("uuid").asString();
        assertThat(Http.post(credentialsUrl + "/api/badge-templates/" + badgeTemplate + "/activate", Map.of())
                .status()).isEqualTo(200);
        lms.enroll(learner, course, "verified");
        String graded = "block-v1:edX+Authz" + run + "+2026+type@sequential+block@homework";
        lms.grade(course, learner, graded, 1, 1);
        JsonNodeHolder credential = new JsonNodeHolder();
        await().atMost(EVENTUALLY).until(() -> credentials.credential(learner, course)
                .map(found -> credential.set(found.get("uuid").asString())).isPresent());
        String badge = await().atMost(EVENTUALLY).until(() -> {
            Http.Response badges = Http.get(credentialsUrl + "/api/badges?username=" + learner);
            return badges.status() == 200 && !badges.json().isEmpty()
                    ? badges.json().get(0).path("uuid").asString() : null;
        }, found -> found != null);
        String examKey = "block-v1:edX+Authz" + run + "+2026+type@sequential+block@final";
        long exam = exams.createProctoredExam(course, examKey, "Final");
        long attempt = exams.startAttempt(exam, learnerId, learner);

        String mallory = "mallory_" + run;
        lms.createUser(mallory);
        String steve = "steve_" + run;
        newStaff(lms, elsewhere, steve);
        String grace = "grace_" + run;
        newStaff(lms, course, grace);
        String learnerToken = "Bearer " + suite.identity().userToken(learner);
        String staffToken = "Bearer " + suite.identity().userToken(grace);

        RSAKey lmsKey = RSAKey.parse(Files.readString(suite.identity().signingKeyFile()));
        refusedCallers = Map.of(
                "no token", "",
                "a malformed token", "Bearer not-a-jwt",
                "a token signed by another key", bearer(operatorClaims(Instant.now().plusSeconds(600),
                        "openedx-suite"), new RSAKeyGenerator(2048).keyID(lmsKey.getKeyID()).generate()),
                "an expired token", bearer(operatorClaims(Instant.now().minusSeconds(3600), "openedx-suite"), lmsKey),
                "a token for another audience", bearer(operatorClaims(Instant.now().plusSeconds(600),
                        "another-audience"), lmsKey));
        otherUsers = Map.of(
                "another learner", "Bearer " + suite.identity().userToken(mallory),
                "staff of another course run", "Bearer " + suite.identity().userToken(steve));
        List<Operation> insights = insightsOperations(course, learnerToken, staffToken, lmsKey);

        long webhook = lms.subscribeWebhook("http://localhost:9/webhooks/authz", "a-secret-of-24-characters",
                "org.openedx.learning.certificate.changed.v1");
        lms.certificateProvider(course, "http://localhost:9/provider", "authz-template", "verified");
        String hook = "/api/webhooks/" + webhook;
        String delivery = hook + "/deliveries/3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e";
        Map<String, Object> subscription = Map.of("event_types", List.of("org.openedx.learning.certificate.changed.v1"),
                "url", "http://localhost:9/webhooks/other", "secret", "another-secret-of-24-chars");
        String provider = "/api/courses/" + course + "/certificate-provider";
        String ora = "/api/ora/block-v1:edX+Authz" + run + "+2026+type@openassessment+block@essay/submissions";

        String cmsCourse = "/api/courses/" + course;
        String lmsLearner = course + "/" + learner;
        Map<String, String> learnerOrStaff = Map.of("the learner", learnerToken, "staff of the course run",
                staffToken);
        List<Operation> listed = List.of(
                new Operation(SuiteService.CMS, "POST", "/api/courses", "/api/courses",
                        Map.of("course_key", "course-v1:edX+New" + run + "+2026", "name", "New",
                                "start", "2026-09-01T08:00:00Z"), false),
                new Operation(SuiteService.CMS, "GET", "/api/courses", "/api/courses", null, false),
                new Operation(SuiteService.CMS, "GET", "/api/courses/{}", cmsCourse, null, false),
                new Operation(SuiteService.CMS, "PUT", "/api/courses/{}", cmsCourse,
                        Map.of("name", "Renamed", "start", "2026-09-01T08:00:00Z"), false),
                new Operation(SuiteService.CMS, "POST", "/api/courses/{}/publish", cmsCourse + "/publish", null,
                        false),
                new Operation(SuiteService.CMS, "POST", "/api/courses/{}/blocks", cmsCourse + "/blocks",
                        Map.of("block_type", "chapter", "display_name", "Not yours"), false),
                new Operation(SuiteService.CMS, "GET", "/api/courses/{}/blocks", cmsCourse + "/blocks", null, false)
                        .allowed(Map.of("staff of the course run", staffToken)),
                new Operation(SuiteService.CMS, "GET", "/api/courses/{}/search", cmsCourse + "/search?q=chapter",
                        null, false).allowed(Map.of("staff of the course run", staffToken)),
                new Operation(SuiteService.CMS, "GET", "/api/blocks/{}", "/api/blocks/" + chapter, null, false)
                        .allowed(Map.of("staff of the course run", staffToken)),
                new Operation(SuiteService.CMS, "PUT", "/api/blocks/{}", "/api/blocks/" + chapter,
                        Map.of("display_name", "Renamed"), false),
                new Operation(SuiteService.CMS, "DELETE", "/api/blocks/{}", "/api/blocks/" + chapter, null, false),
                new Operation(SuiteService.CMS, "POST", "/api/blocks/{}/duplicate",
                        "/api/blocks/" + chapter + "/duplicate", null, false),
                new Operation(SuiteService.CMS, "POST", "/api/blocks/{}/publish", "/api/blocks/" + chapter
                        + "/publish", null, false),
                new Operation(SuiteService.CMS, "GET", "/api/blocks/{}/tags", "/api/blocks/" + chapter + "/tags",
                        null, false).allowed(Map.of("staff of the course run", staffToken)),
                new Operation(SuiteService.CMS, "POST", "/api/blocks/{}/tags", "/api/blocks/" + chapter + "/tags",
                        Map.of("taxonomy", "Language", "value", "de"), false),
                new Operation(SuiteService.CMS, "DELETE", "/api/blocks/{}/tags/{}/{}",
                        "/api/blocks/" + chapter + "/tags/Language/en", null, false),
                new Operation(SuiteService.CMS, "GET", "/api/taxonomies", "/api/taxonomies", null, true),
                new Operation(SuiteService.CMS, "POST", "/api/taxonomies", "/api/taxonomies",
                        Map.of("name", "Authz" + run, "values", List.of("one")), false),
                new Operation(SuiteService.CMS, "POST", "/api/search/reindex", "/api/search/reindex", null, false),
                new Operation(SuiteService.DISCOVERY, "GET", "/api/course-runs", "/api/course-runs", null, true),
                new Operation(SuiteService.DISCOVERY, "POST", "/api/search/reindex", "/api/search/reindex", null,
                        false),
                new Operation(SuiteService.DISCOVERY, "GET", "/api/course-runs/{}", "/api/course-runs/" + course,
                        null, true),
                new Operation(SuiteService.DISCOVERY, "GET", "/api/course-runs/{}/history",
                        "/api/course-runs/" + course + "/history", null, true),
                new Operation(SuiteService.LMS, "POST", "/api/users", "/api/users",
                        Map.of("username", "new_" + run, "email", "new@example.com", "name", "New"), false),
                new Operation(SuiteService.LMS, "GET", "/api/users/{}", "/api/users/" + learner, null, false),
                new Operation(SuiteService.LMS, "GET", "/api/certificates", "/api/certificates?username=" + learner,
                        null, false),
                new Operation(SuiteService.LMS, "POST", "/api/certificates/{}/{}/invalidate",
                        "/api/certificates/" + lmsLearner + "/invalidate", null, false),
                new Operation(SuiteService.LMS, "POST", "/api/enrollments", "/api/enrollments",
                        Map.of("username", bystander, "course_key", course, "mode", "audit"), false),
                new Operation(SuiteService.LMS, "GET", "/api/enrollments/{}/{}", "/api/enrollments/" + lmsLearner,
                        null, false).allowed(learnerOrStaff),
                // no allowed call: it would unenroll the learner
                new Operation(SuiteService.LMS, "DELETE", "/api/enrollments/{}/{}",
                        "/api/enrollments/" + lmsLearner, null, false),
                new Operation(SuiteService.LMS, "GET", "/api/credit/{}/{}", "/api/credit/" + lmsLearner, null,
                        false),
                new Operation(SuiteService.LMS, "GET", "/api/completion/{}/{}", "/api/completion/" + lmsLearner,
                        null, false),
                new Operation(SuiteService.LMS, "GET", "/api/grades/{}/{}", "/api/grades/" + lmsLearner, null,
                        false),
                new Operation(SuiteService.LMS, "PUT", "/api/grades/{}/{}/subsections/{}",
                        "/api/grades/" + lmsLearner + "/subsections/" + graded, Map.of("earned", 0, "possible", 1),
                        false),
                new Operation(SuiteService.LMS, "GET", "/api/courses/{}", "/api/courses/" + course, null, true),
                new Operation(SuiteService.LMS, "PUT", "/api/courses/{}/grading-policy",
                        "/api/courses/" + course + "/grading-policy",
                        Map.of("passing_grade", 0.9, "credit_course", false), false),
                new Operation(SuiteService.LMS, "GET", "/api/courses/{}/staff", "/api/courses/" + course + "/staff",
                        null, false),
                new Operation(SuiteService.LMS, "POST", "/api/courses/{}/staff/{}",
                        "/api/courses/" + course + "/staff/" + mallory, null, false),
                new Operation(SuiteService.LMS, "DELETE", "/api/courses/{}/staff/{}",
                        "/api/courses/" + elsewhere + "/staff/" + steve, null, false),
                new Operation(SuiteService.LMS, "POST", "/api/dev/tokens", "/api/dev/tokens",
                        Map.of("username", learner), false),
                new Operation(SuiteService.LMS, "POST", "/api/webhooks", "/api/webhooks", subscription, false),
                new Operation(SuiteService.LMS, "GET", "/api/webhooks", "/api/webhooks", null, false),
                new Operation(SuiteService.LMS, "GET", "/api/webhooks/{}", hook, null, false),
                new Operation(SuiteService.LMS, "PUT", "/api/webhooks/{}", hook, subscription, false),
                new Operation(SuiteService.LMS, "DELETE", "/api/webhooks/{}", hook, null, false),
                new Operation(SuiteService.LMS, "GET", "/api/webhooks/{}/deliveries", hook + "/deliveries", null,
                        false),
                new Operation(SuiteService.LMS, "GET", "/api/webhooks/{}/deliveries/{}", delivery, null, false),
                new Operation(SuiteService.LMS, "POST", "/api/webhooks/{}/deliveries/{}/redeliver",
                        delivery + "/redeliver", null, false),
                new Operation(SuiteService.LMS, "PUT", "/api/courses/{}/certificate-provider", provider,
                        Map.of("url", "http://localhost:9/elsewhere", "template_id", "t", "modes", List.of("honor")),
                        false),
                new Operation(SuiteService.LMS, "GET", "/api/courses/{}/certificate-provider", provider, null, false),
                new Operation(SuiteService.LMS, "DELETE", "/api/courses/{}/certificate-provider", provider, null,
                        false),
                new Operation(SuiteService.LMS, "POST", "/api/ora/{}/submissions", ora,
                        Map.of("text", "Not mine to submit", "username", learner), false),
                new Operation(SuiteService.LMS, "GET", "/api/ora/{}/submissions", ora, null, false),
                new Operation(SuiteService.LMS, "GET", "/api/notifications", "/api/notifications?username=" + learner,
                        null, false),
                // no token needed, so none helps: the plagiarism service's signature is what is checked (401)
                new Operation(SuiteService.LMS, "POST", "/api/ora/plagiarism-callbacks",
                        "/api/ora/plagiarism-callbacks", Map.of("submission_uuid",
                        "3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e", "similarity", 0.5), true),
                new Operation(SuiteService.EXAMS, "POST", "/api/exams", "/api/exams",
                        Map.of("course_key", course, "usage_key", graded, "exam_type", "timed", "name", "Quiz",
                                "time_limit_mins", 30), false),
                new Operation(SuiteService.EXAMS, "GET", "/api/exams", "/api/exams?course_key=" + course, null,
                        true),
                new Operation(SuiteService.EXAMS, "GET", "/api/exams/{}", "/api/exams/" + exam, null, true),
                new Operation(SuiteService.EXAMS, "POST", "/api/exams/{}/attempts", "/api/exams/" + exam
                        + "/attempts", Map.of("user", Map.of("id", bystanderId, "username", bystander,
                        "email", bystander + "@example.com", "name", "Bystander")), false),
                new Operation(SuiteService.EXAMS, "GET", "/api/attempts", "/api/attempts?username=" + learner, null,
                        false),
                new Operation(SuiteService.EXAMS, "GET", "/api/attempts/{}", "/api/attempts/" + attempt, null,
                        false),
                new Operation(SuiteService.EXAMS, "PUT", "/api/attempts/{}", "/api/attempts/" + attempt,
                        Map.of("action", "submit"), false),
                new Operation(SuiteService.EXAMS, "DELETE", "/api/attempts/{}", "/api/attempts/" + attempt, null,
                        false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/learners/{}", "/api/learners/" + learner, null,
                        false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/credentials",
                        "/api/credentials?username=" + learner, null, false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/credentials/{}",
                        "/api/credentials/" + credential.value, null, false),
                new Operation(SuiteService.CREDENTIALS, "POST", "/api/programs", "/api/programs",
                        Map.of("title", "Authz program", "organization", "edX", "type", "XSeries",
                                "course_keys", List.of(course)), false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/programs", "/api/programs", null, true),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/programs/{}",
                        "/api/programs/" + UUID.randomUUID(), null, true),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/program-certificates",
                        "/api/program-certificates?username=" + learner, null, false),
                new Operation(SuiteService.LMS, "GET", "/api/programs/certificates",
                        "/api/programs/certificates?username=" + learner, null, false),
                new Operation(SuiteService.CREDENTIALS, "POST", "/api/badge-templates", "/api/badge-templates",
                        Map.of("name", "Not yours", "organization", "edX", "provider", "internal", "requirements",
                                List.of(Map.of("event_type",
                                        "org.openedx.learning.course.passing.status.updated.v1"))), false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/badge-templates", "/api/badge-templates", null,
                        false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/badge-templates/{}",
                        "/api/badge-templates/" + badgeTemplate, null, false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/badge-templates/{}/progress",
                        "/api/badge-templates/" + badgeTemplate + "/progress?username=" + learner, null, false),
                new Operation(SuiteService.CREDENTIALS, "POST", "/api/badge-templates/{}/activate",
                        "/api/badge-templates/" + badgeTemplate + "/activate", null, false),
                new Operation(SuiteService.CREDENTIALS, "POST", "/api/badge-templates/{}/deactivate",
                        "/api/badge-templates/" + badgeTemplate + "/deactivate", null, false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/badges", "/api/badges?username=" + learner,
                        null, false),
                new Operation(SuiteService.CREDENTIALS, "GET", "/api/badges/{}", "/api/badges/" + badge, null,
                        false));
        operations = new ArrayList<>(listed);
        operations.addAll(insights);

        written = new WrittenState(suite);
        settledFixture = written.settled(EVENTUALLY);
        for (SuiteService service : SuiteService.values()) {
            ROWS_BEFORE.put(service, written.rowsOf(service));
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (written != null) {
            written.close();
        }
        String summary = "AUTHORIZATION | operations=" + (operations == null ? 0 : operations.size())
                + " | requests=" + REQUESTS.get() + " | 401=" + UNAUTHORIZED.get() + " | 403=" + FORBIDDEN.get()
                + " | allowed 200=" + ALLOWED.get() + " | other=" + OTHER.get() + " | rows written="
                + ROWS_WRITTEN.get() + " | messages published="
                + (messagesPublished < 0 ? "not counted" : messagesPublished);
        System.out.println(summary);
        Path report = RunningSuite.repoRoot().resolve("integration-tests/target/reliability/AUTHORIZATION.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Authorization sweep\n\n`" + summary + "`\n", StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicNode> every_operation_refuses_every_caller_who_may_not_make_it_and_changes_nothing() {
        Stream<DynamicNode> sweep = operations.stream().map(operation -> {
            List<DynamicNode> cases = new ArrayList<>();
            refusedCallers.forEach((caller, authorization) -> {
                if (!operation.allowed().containsKey(caller)) {
                    cases.add(dynamicTest(caller, () -> answered(operation, authorization, caller, 401)));
                }
            });
            if (!operation.openToEveryUser()) {
                otherUsers.forEach((caller, authorization) -> cases.add(dynamicTest(caller,
                        () -> answered(operation, authorization, caller, 403))));
            }
            operation.forbidden().forEach((caller, authorization) -> cases.add(dynamicTest(caller,
                    () -> answered(operation, authorization, caller, 403))));
            operation.allowed().forEach((caller, authorization) -> cases.add(dynamicTest(caller + " may",
                    () -> answered(operation, authorization, caller, 200))));
            return dynamicContainer(operation.name(), cases);
        });
        return Stream.concat(sweep, Stream.of(dynamicTest("nothing was written to any database or published to "
                + "any topic", AuthorizationSweepTest::nothingWritten)));
    }

    /** An operation no one listed here would escape the sweep: the list must be what the services describe. */
    @Test
    void the_sweep_covers_every_operation_each_service_documents() {
        SoftAssertions softly = new SoftAssertions();
        for (SuiteService service : SuiteService.values()) {
            Set<String> documented = ApiOperations.documented(suite.service(service).baseUrl());
            Set<String> swept = new TreeSet<>();
            operations.stream().filter(operation -> operation.service() == service)
                    .forEach(operation -> swept.add(operation.method() + " " + operation.documented()));
            softly.assertThat(swept).as("operations swept in %s", service.module()).isEqualTo(documented);
        }
        softly.assertAll();
    }

    /** A refusal (401, 403: problem+json) or an allowed read (200); either way, nothing written. */
    private static void answered(Operation operation, String authorization, String caller, int status) {
        String url = suite.service(operation.service()).baseUrl() + operation.path();
        Http.Response answer = Calls.send(operation.method(), url, operation.body(),
                authorization.isEmpty() ? null : authorization, operation.headers());
        Map<String, Set<String>> rowsAfter = written.rowsOf(operation.service());
        Snapshot before = new Snapshot(ROWS_BEFORE.put(operation.service(), rowsAfter), Map.of());
        Snapshot after = new Snapshot(rowsAfter, Map.of());
        String rowsWritten = after.differencesSince(before);
        REQUESTS.incrementAndGet();
        ROWS_WRITTEN.addAndGet((int) after.rowsWrittenSince(before));
        (answer.status() == 401 ? UNAUTHORIZED : answer.status() == 403 ? FORBIDDEN
                : answer.status() == 200 && status == 200 ? ALLOWED : OTHER).incrementAndGet();

        String exchange = "\n" + caller + ": " + operation.method() + " " + url + " -> " + answer;
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(answer.status()).as("the status%s", exchange).isEqualTo(status);
        if (status != 200) {
            softly.assertThat(answer.contentType()).as("the content type%s", exchange)
                    .startsWith("application/problem+json");
        }
        softly.assertThat(rowsWritten).as("what the request wrote%s", exchange).isEqualTo("nothing");
        softly.assertAll();
    }

    private static void nothingWritten() {
        Snapshot now = written.settled(EVENTUALLY);
        messagesPublished = now.messagesSince(settledFixture);
        assertThat(now.differencesSince(settledFixture)).as("written by the refused requests").isEqualTo("nothing");
    }

    /** The operator's claims as the LMS writes them, with this expiry and audience. */
    private static JWTClaimsSet operatorClaims(Instant expiry, String audience) {
        return clientClaims("suite-admin", List.of("admin"), List.of(), expiry, audience);
    }

    /** A client's claims as the LMS's token endpoint writes them (SuiteTokens.clientClaims). */
    private static JWTClaimsSet clientClaims(String clientId, List<String> roles, List<String> scopes, Instant expiry,
                                             String audience) {
        Instant issued = expiry.minus(Duration.ofMinutes(15));
        return new JWTClaimsSet.Builder()
                .issuer(suite.identity().issuer())
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", clientId)
                .claim("roles", roles)
                .claim("administrator", roles.contains("admin"))
                .claim("scopes", scopes)
                .claim("filters", List.of())
                .claim("version", "1.2.0")
                .build();
    }

    /** A new user, made staff of the course run by the operator. */
    private static void newStaff(Lms lms, String course, String username) {
        lms.createUser(username);
        Http.Response staffed = Http.post(lms.baseUrl() + "/api/courses/" + course + "/staff/" + username, Map.of());
        assertThat(staffed.status()).as("%s", staffed).isEqualTo(201);
    }

    /**
     * insights-service (issue 15): the list of courses is any caller's (filtered to what they may see); a course's
     * figures and live feed are its staff's and {@code insights:read}'s (web-support's {@code Scopes.INSIGHTS_READ}:
     * the suite runner configures no client of the LMS with it, so the token is the one the LMS's token endpoint
     * would issue such a client, signed with its key, as the refused callers' tokens are); the statements are
     * {@code insights:read}'s; the dashboard page and the xAPI {@code about} are public. Waits until insights holds
     * the course's statements (the learner's enrollment), so that its figures answer 200.
     */
    private static List<Operation> insightsOperations(String course, String theLearner, String staff, RSAKey lmsKey)
            throws JOSEException {
        Insights insights = new Insights(suite.service(SuiteService.INSIGHTS).baseUrl());
        await().atMost(EVENTUALLY).until(() -> insights.figures(course), Optional::isPresent);

        String reporting = bearer(clientClaims("insights-reporting", List.of(), List.of("insights:read"),
                Instant.now().plusSeconds(600), "openedx-suite"), lmsKey);
        String anotherLearner = otherUsers.get("another learner");
        Map<String, String> staffOrReporting = Map.of("staff of the course run", staff,
                "a client with insights:read", reporting);
        Map<String, String> courseLearner = Map.of("the course's learner", theLearner);
        Map<String, String> anyone = Map.of("no token", "", "another learner", anotherLearner);
        Map<String, String> page = Map.of("Accept", "text/html");
        String figures = "/api/courses/" + course;
        return List.of(
                new Operation(SuiteService.INSIGHTS, "GET", "/", "/", null, true).headers(page).allowed(anyone),
                new Operation(SuiteService.INSIGHTS, "GET", "/callback", "/callback", null, true).headers(page)
                        .allowed(anyone),
                new Operation(SuiteService.INSIGHTS, "GET", "/xapi/about", "/xapi/about", null, true)
                        .allowed(anyone),
                new Operation(SuiteService.INSIGHTS, "GET", "/api/courses", "/api/courses", null, true)
                        .allowed(Map.of("another learner", anotherLearner, "a client with insights:read", reporting)),
                new Operation(SuiteService.INSIGHTS, "GET", "/api/courses/{}/insights", figures + "/insights", null,
                        false).forbidden(courseLearner).allowed(staffOrReporting),
                // the newest 0 statements: the stream opens with a comment, and is closed once its headers are in
                new Operation(SuiteService.INSIGHTS, "GET", "/api/courses/{}/feed", figures + "/feed?last=0", null,
                        false).headers(Map.of("Accept", "text/event-stream")).forbidden(courseLearner)
                        .allowed(staffOrReporting),
                new Operation(SuiteService.INSIGHTS, "GET", "/xapi/statements", "/xapi/statements?limit=1", null,
                        false).headers(Map.of("X-Experience-API-Version", "1.0.3"))
                        .forbidden(Map.of("the course's learner", theLearner, "staff of the course run", staff))
                        .allowed(Map.of("a client with insights:read", reporting)));
    }

    private static String bearer(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    /** A value found inside an await. */
    private static final class JsonNodeHolder {
        private String value;

        boolean set(String found) {
            value = found;
            return true;
        }
    }
}
