package org.openedx.suite.insights.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.insights.InsightsApi;
import org.openedx.suite.insights.InsightsServiceTest;
import org.openedx.suite.insights.Trackers;
import org.openedx.suite.insights.Trackers.Log;
import org.openedx.suite.testsupport.DefaultToken;
import org.openedx.suite.testsupport.TestIssuer;
import org.openedx.suite.web.security.Scopes;
import tools.jackson.databind.JsonNode;

/** The xAPI read API: filters, paging, the version header, refusals naming the parameter, and who may read. */
@InsightsServiceTest
class XapiApiTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final int LEARNERS = 7;

    private final InsightsApi api;
    private final Trackers trackers;
    private String courseKey;
    private String courseActivity;

    XapiApiTest(InsightsApi api, Trackers trackers) {
        this.api = api;
        this.trackers = trackers;
    }

    /** Seven learners enroll, three of them pass: ten statements, all about the course. */
    @BeforeEach
    void setUp() {
        courseKey = Trackers.newCourseKey();
        courseActivity = "http://lms.example.com/course/" + courseKey;
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3600);
        List<Log> logs = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            long learner = Trackers.newUserId();
            logs.add(Log.of("edx.course.enrollment.activated", start.plusSeconds(i), learner, courseKey,
                    "mode", "audit"));
            if (i < 3) {
                logs.add(Log.of("edx.course.grade.now_passed", start.plusSeconds(100 + i), learner, courseKey));
            }
        }
        trackers.sendTogether(logs);
        await().atMost(EVENTUALLY).until(() -> api.statementCount(courseKey), n -> n == LEARNERS + 3);
    }

    @Test
    void walking_the_more_pages_gives_every_statement_of_the_query_exactly_once_newest_stored_first() {
        for (boolean ascending : List.of(false, true)) {
            List<String> ids = new ArrayList<>();
            List<Instant> stored = new ArrayList<>();
            JsonNode page = api.statements(Map.of("activity", courseActivity, "limit", "3",
                    "ascending", Boolean.toString(ascending)));
            int pages = 1;
            while (true) {
                assertThat(page.get("statements").size()).isLessThanOrEqualTo(3);
                page.get("statements").forEach(statement -> {
                    ids.add(statement.get("id").asString());
                    stored.add(Instant.parse(statement.get("stored").asString()));
                });
                String more = page.get("more").asString();
                if (more.isEmpty()) {
                    break;
                }
                assertThat(more).startsWith("/xapi/statements?").contains("cursor=");
                page = api.more(more);
                pages++;
            }
            assertThat(pages).isEqualTo(4);
            assertThat(ids).hasSize(LEARNERS + 3).doesNotHaveDuplicates();
            List<Instant> ordered = new ArrayList<>(stored);
            ordered.sort(ascending ? Instant::compareTo : (a, b) -> b.compareTo(a));
            assertThat(stored).isEqualTo(ordered);
        }
    }

    @Test
    void the_filters_narrow_the_statements() {
        JsonNode passes = api.statements(Map.of("activity", courseActivity, "verb", PASSED)).get("statements");
        assertThat(passes.size()).isEqualTo(3);
        passes.forEach(statement -> assertThat(statement.at("/verb/id").asString()).isEqualTo(PASSED));

        JsonNode one = passes.get(0);
        String actor = one.at("/actor/account/name").asString();
        String agent = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://lms.example.com\",\"name\":\""
                + actor + "\"}}";
        JsonNode ofAgent = api.statements(Map.of("agent", agent)).get("statements");
        assertThat(ofAgent.size()).isEqualTo(2);
        ofAgent.forEach(statement -> assertThat(statement.at("/actor/account/name").asString()).isEqualTo(actor));

        String registration = one.at("/context/registration").asString();
        assertThat(api.statements(Map.of("registration", registration)).get("statements").size()).isEqualTo(2);

        Instant stored = Instant.parse(one.get("stored").asString());
        assertThat(api.statements(Map.of("activity", courseActivity, "since", stored.plusSeconds(3600).toString()))
                .get("statements").size()).isZero();
        assertThat(api.statements(Map.of("activity", courseActivity, "until", stored.minusSeconds(3600).toString()))
                .get("statements").size()).isZero();
        assertThat(api.statements(Map.of("activity", courseActivity, "since", stored.minusSeconds(3600).toString(),
                "until", stored.plusSeconds(3600).toString())).get("statements").size()).isEqualTo(LEARNERS + 3);
        assertThat(api.statements(Map.of("activity", courseActivity, "until", stored.toString()))
                .get("statements").valueStream().anyMatch(s -> s.get("id").equals(one.get("id")))).isTrue();
    }

    @Test
    void a_statement_is_read_by_its_id_and_an_unknown_id_is_404() {
        JsonNode statement = api.statements(Map.of("activity", courseActivity, "limit", "1"))
                .at("/statements/0");
        JsonNode read = InsightsApi.json(api.xapi(Map.of("statementId", statement.get("id").asString()))
                .expectStatus().isOk()
                .expectHeader().valueEquals(InsightsApi.XAPI_VERSION, "1.0.3")
                .returnResult(String.class).getResponseBody());
        assertThat(read).isEqualTo(statement);
        api.xapi(Map.of("statementId", "00000000-0000-5000-8000-000000000000")).expectStatus().isNotFound();
    }

    @Test
    void requests_must_name_the_xapi_version_and_answers_name_1_0_3() {
        api.get("/xapi/statements?activity={a}", courseActivity).expectStatus().isBadRequest()
                .expectHeader().valueEquals(InsightsApi.XAPI_VERSION, "1.0.3")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(InsightsApi.XAPI_VERSION);
        api.getWithToken(DefaultToken.ANONYMOUS, "/xapi/about").expectStatus().isOk()
                .expectHeader().valueEquals(InsightsApi.XAPI_VERSION, "1.0.3")
                .expectBody().jsonPath("$.version[0]").isEqualTo("1.0.3");
    }

    @Test
    void bad_parameters_are_refused_naming_the_parameter() {
        Map<String, Map<String, String>> bad = new LinkedHashMap<>();
        bad.put("agent", Map.of("agent", "not json"));
        bad.put("agent ", Map.of("agent", "{\"mbox\":\"mailto:ada@example.com\"}"));
        bad.put("since", Map.of("since", "yesterday"));
        bad.put("until", Map.of("until", "2026-13-01T00:00:00Z"));
        bad.put("limit", Map.of("limit", "501"));
        bad.put("limit ", Map.of("limit", "ten"));
        bad.put("ascending", Map.of("ascending", "maybe"));
        bad.put("registration", Map.of("registration", "not-a-uuid"));
        bad.put("cursor", Map.of("cursor", "garbage"));
        bad.put("related_agents", Map.of("related_agents", "true"));
        bad.put("statementId", Map.of("statementId", "00000000-0000-5000-8000-000000000000", "verb", PASSED));
        bad.forEach((parameter, query) -> api.xapi(query).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter.trim()));
    }

    @Test
    void only_insights_read_and_the_operator_read_statements() {
        Map<String, String> query = Map.of("activity", courseActivity);
        api.xapiWithToken(DefaultToken.ANONYMOUS, query).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(InsightsApi.XAPI_VERSION, "1.0.3");
        api.xapiWithToken(TestIssuer.learnerToken(1, "ada"), query).expectStatus().isForbidden();
        api.xapiWithToken(TestIssuer.staffToken(2, "grace", courseKey), query).expectStatus().isForbidden();
        api.xapiWithToken(TestIssuer.clientToken("reporting", Scopes.GRADES_READ), query).expectStatus().isForbidden();
        JsonNode page = InsightsApi.json(api.xapiWithToken(TestIssuer.clientToken("reporting", Scopes.INSIGHTS_READ),
                query).expectStatus().isOk().returnResult(String.class).getResponseBody());
        assertThat(page.get("statements").size()).isEqualTo(LEARNERS + 3);
    }

    @Test
    void a_course_s_figures_and_feed_are_its_staff_s_and_insights_read_s_and_the_list_shows_each_their_own() {
        String figures = "/api/courses/{key}/insights";
        api.getWithToken(DefaultToken.ANONYMOUS, figures, courseKey).expectStatus().isUnauthorized();
        api.getWithToken(TestIssuer.learnerToken(1, "ada"), figures, courseKey).expectStatus().isForbidden();
        api.getWithToken(TestIssuer.staffToken(2, "grace", Trackers.newCourseKey()), figures, courseKey)
                .expectStatus().isForbidden();
        api.getWithToken(TestIssuer.staffToken(3, "alan", courseKey), figures, courseKey).expectStatus().isOk();
        api.getWithToken(TestIssuer.clientToken("reporting", Scopes.INSIGHTS_READ), figures, courseKey)
                .expectStatus().isOk();
        api.getWithToken(TestIssuer.staffToken(2, "grace", Trackers.newCourseKey()), "/api/courses/{key}/feed",
                courseKey).expectStatus().isForbidden();

        JsonNode staffList = InsightsApi.json(api.getWithToken(TestIssuer.staffToken(3, "alan", courseKey),
                "/api/courses").expectStatus().isOk().returnResult(String.class).getResponseBody());
        assertThat(staffList.valueStream().map(course -> course.get("course_key").asString()).toList())
                .containsExactly(courseKey);
        JsonNode learnerList = InsightsApi.json(api.getWithToken(TestIssuer.learnerToken(1, "ada"), "/api/courses")
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
        assertThat(learnerList.size()).isZero();
        JsonNode readerList = InsightsApi.json(api.getWithToken(TestIssuer.clientToken("reporting",
                Scopes.INSIGHTS_READ), "/api/courses").expectStatus().isOk().returnResult(String.class)
                .getResponseBody());
        assertThat(readerList.valueStream().map(course -> course.get("course_key").asString()).toList())
                .contains(courseKey);
        api.getWithToken(DefaultToken.ANONYMOUS, "/api/courses").expectStatus().isUnauthorized();
    }
}
