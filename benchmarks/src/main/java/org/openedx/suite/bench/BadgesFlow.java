package org.openedx.suite.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Badges, LMS to Credentials (issue 14): the certificates flow's grade changes, by audit learners on courses of their
 * own, where an active badge template (passing awards, failing is a penalty) counts every crossing of the passing line. The flow's
 * events are the LMS's passing status events; credentials moves the learner's badge progress and awards or revokes
 * the badge (an internal one: no provider call is part of the measure).
 */
final class BadgesFlow extends CertificatesFlow {

    private static final String PASSING = OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED.name();

    private String template;

    /** Audit learners: their crossings write a passing status and no certificate, so only the flow's events flow. */
    BadgesFlow(Bench bench) {
        super(bench, "BADGE", "audit");
    }

    @Override
    int outboxRowsPerEvent() {
        return 1;
    }

    @Override
    String name() {
        return "badges";
    }

    @Override
    String eventTypes() {
        return "org.openedx.learning.course.passing.status.%";
    }

    @Override
    String topic() {
        return Topics.LEARNING_BADGES_LIFECYCLE;
    }

    @Override
    void setUp(int events, int latencyChanges) {
        super.setUp(events, latencyChanges);
        List<Map<String, Object>> inCourses = List.of(Map.of("data_path", "course.course_key", "operator", "in",
                "value", courses));
        Rest.Answer created = bench.rest.post(bench.url(SuiteService.CREDENTIALS, "/api/badge-templates"),
                Rest.json(Map.of("name", "Benchmark badge", "organization", "Bench", "provider", "internal",
                        "requirements", List.of(Map.of("event_type", PASSING, "rules", concat(inCourses,
                                Map.of("data_path", "is_passing", "operator", "eq", "value", true)))),
                        "penalties", List.of(Map.of("event_type", PASSING, "resets", List.of(0), "rules",
                                concat(inCourses, Map.of("data_path", "is_passing", "operator", "eq",
                                        "value", false)))))));
        created.expectOk("creating the benchmark's badge template");
        template = created.json().path("uuid").asString();
        bench.rest.post(bench.url(SuiteService.CREDENTIALS, "/api/badge-templates/" + template + "/activate"), "{}")
                .expectOk("activating the benchmark's badge template");
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> rules, Map<String, Object> rule) {
        List<Map<String, Object>> all = new ArrayList<>(rules);
        all.add(rule);
        return all;
    }

    /**
     * Each graded learner passed at least once (a learner's first grade passes), so each has a badge; it is awarded
     * exactly when the LMS has them passing now. A lost award or revocation, or one applied out of order, shows here.
     */
    @Override
    List<Check> verify() {
        String[] keys = courses.toArray(String[]::new);
        Map<String, Boolean> passing = new HashMap<>();
        for (String[] row : bench.db(SuiteService.LMS).rows("""
                SELECT u.username, g.passed::text FROM course_grade g JOIN users u ON u.id = g.user_id
                 WHERE g.course_key = ANY (?) AND g.percent > 0
                """, (Object) keys)) {
            passing.put(row[0], Boolean.parseBoolean(row[1]));
        }
        Map<String, String> badges = new HashMap<>();
        for (String[] row : bench.db(SuiteService.CREDENTIALS).rows(
                "SELECT username, status FROM badge WHERE template_uuid = CAST(? AS uuid)", template)) {
            badges.put(row[0], row[1]);
        }
        int disagree = 0;
        int awarded = 0;
        for (Map.Entry<String, Boolean> learner : passing.entrySet()) {
            boolean holds = "awarded".equals(badges.get(learner.getKey()));
            if (holds != learner.getValue()) {
                disagree++;
            }
            if (holds) {
                awarded++;
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("every graded learner has a badge", badges.size() == passing.size(),
                badges.size() + " badges for " + passing.size() + " graded learners"));
        checks.add(new Check("badges agree with the LMS's newest passing status", disagree == 0,
                disagree + " disagree; " + awarded + " awarded, " + (badges.size() - awarded) + " revoked"));
        return checks;
    }

    @Override
    WireSample wireSample() {
        List<String> keys = Keys.balancedCourseKeys("BADGE", COURSES);
        byte[] payload = EventJson.write(new CoursePassingStatusEvent(new CoursePassingStatusData(true,
                new CourseData(keys.get(0), "Benchmark badges course 0", null, null),
                new UserData(123, true, new UserPersonalData("bench_123", "bench_123@example.org",
                        "Learner bench_123")))));
        return new WireSample(PASSING, keys, payload);
    }

    /** The same writes done directly: the badge-source version, the learner's progress, the badge. */
    @Override
    RawPostgres.Shape rawShape() {
        List<String> keys = Keys.balancedCourseKeys("BADGE", COURSES);
        return new RawPostgres.Shape(name(), List.of("""
                CREATE TABLE badge_progress (
                    template_uuid UUID NOT NULL, username TEXT NOT NULL, fulfilled INT[] NOT NULL,
                    counted TEXT NOT NULL, modified TIMESTAMPTZ NOT NULL, PRIMARY KEY (template_uuid, username))
                """, """
                CREATE TABLE badge (
                    uuid UUID PRIMARY KEY, template_uuid UUID NOT NULL, username TEXT NOT NULL,
                    status TEXT NOT NULL, provider_state TEXT NOT NULL, modified TIMESTAMPTZ NOT NULL,
                    UNIQUE (template_uuid, username))
                """),
                List.of(new RawPostgres.Write(RawPostgres.ADVANCE, (statement, event, id, now) ->
                                RawPostgres.advance(statement, "badge-source", "CoursePassingStatusEvent|"
                                        + username(event) + "|" + keys.get(event % LEARNERS % COURSES), id, now)),
                        new RawPostgres.Write("""
                                INSERT INTO badge_progress (template_uuid, username, fulfilled, counted, modified)
                                VALUES ('00000000-0000-0000-0000-00000000b4d9', ?, CAST(? AS int[]), '{}', ?)
                                ON CONFLICT (template_uuid, username) DO UPDATE SET fulfilled = EXCLUDED.fulfilled,
                                    counted = EXCLUDED.counted, modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            statement.setString(1, username(event));
                            statement.setString(2, (event / LEARNERS) % 2 == 0 ? "{0}" : "{}");
                            statement.setTimestamp(3, Timestamp.from(now));
                        }),
                        new RawPostgres.Write("""
                                INSERT INTO badge (uuid, template_uuid, username, status, provider_state, modified)
                                VALUES (?, '00000000-0000-0000-0000-00000000b4d9', ?, ?, 'none', ?)
                                ON CONFLICT (template_uuid, username) DO UPDATE SET status = EXCLUDED.status,
                                    modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            statement.setObject(1, id);
                            statement.setString(2, username(event));
                            statement.setString(3, (event / LEARNERS) % 2 == 0 ? "awarded" : "revoked");
                            statement.setTimestamp(4, Timestamp.from(now));
                        })),
                event -> keys.get(event % LEARNERS % COURSES),
                event -> PASSING);
    }

    @Override
    String entityOf(JsonNode payload) {
        JsonNode status = payload.path("course_passing_status");
        return status.path("user").path("pii").path("username").asString() + "|"
                + status.path("course").path("course_key").asString();
    }

    @Override
    boolean typesAlternate() {
        return false;
    }
}
