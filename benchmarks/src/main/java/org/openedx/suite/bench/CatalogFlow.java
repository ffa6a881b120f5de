package org.openedx.suite.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Course metadata sync, CMS to Discovery (and to the LMS beside it): authors publish courses; every publish is one
 * transaction in the CMS and one {@code catalog_info.changed} event, which Discovery applies to its course run.
 */
final class CatalogFlow extends Flow {

    /** Courses the publishes are spread over; each writer thread has its own, so publishes never wait for a lock. */
    static final int COURSES = 1000;

    private static final String TYPE = OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name();

    private List<String> courses = List.of();

    CatalogFlow(Bench bench) {
        super(bench);
    }

    @Override
    String name() {
        return "catalog";
    }

    @Override
    String path() {
        return "cms -> discovery";
    }

    @Override
    SuiteService producer() {
        return SuiteService.CMS;
    }

    @Override
    SuiteService consumer() {
        return SuiteService.DISCOVERY;
    }

    @Override
    String eventTypes() {
        return TYPE;
    }

    @Override
    String topic() {
        return Topics.COURSE_CATALOG_INFO_CHANGED;
    }

    @Override
    List<AlsoConsumedBy> alsoConsumedBy() {
        return List.of(new AlsoConsumedBy(SuiteService.LMS, TYPE));
    }

    @Override
    void setUp(int events, int latencyChanges) {
        courses = Keys.balancedCourseKeys("CAT", COURSES);
        bench.createCourses(courses, "Benchmark catalog course", false);
    }

    @Override
    void write(int events) {
        int threads = bench.options.clients();
        bench.onEveryWriter(thread -> {
            for (int n = 0; n < events; n++) {
                int course = n % courses.size();
                if (course % threads == thread) {
                    publish(course).expectOk("publishing " + courses.get(course));
                }
            }
        });
    }

    private Rest.Answer publish(int course) {
        return bench.rest.post(publishUrl(course), "{}");
    }

    private String publishUrl(int course) {
        return bench.url(SuiteService.CMS, "/api/courses/" + courses.get(course) + "/publish");
    }

    @Override
    CompletableFuture<Rest.Answer> change(int slot) {
        return bench.rest.postAsync(publishUrl(slot % courses.size()), "{}");
    }

    @Override
    LatencyReading latencyReading() {
        return LatencyReading.EVENT_ID;
    }

    @Override
    List<Check> verify() {
        String[] keys = courses.toArray(String[]::new);
        long runs = bench.db(SuiteService.DISCOVERY).queryLong(
                "SELECT count(*) FROM course_run WHERE key = ANY (?)", (Object) keys);
        long overviews = bench.db(SuiteService.LMS).queryLong(
                "SELECT count(*) FROM course_overview WHERE course_key = ANY (?)", (Object) keys);
        // the run shows the newest publish: its modified is the course's last edit time in the CMS
        long stale = bench.db(SuiteService.DISCOVERY).queryLong("""
                SELECT count(*) FROM course_run r JOIN event_bus.entity_version v
                  ON v.entity_type = 'course-run' AND v.entity_key = r.key
                 WHERE r.key = ANY (?) AND r.modified <> v.event_time
                """, (Object) keys);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("discovery has every course run", runs == keys.length, runs + " of " + keys.length));
        checks.add(new Check("lms has every course overview", overviews == keys.length,
                overviews + " of " + keys.length));
        checks.add(new Check("discovery runs match their newest applied event", stale == 0, stale + " differ"));
        return checks;
    }

    @Override
    WireSample wireSample() {
        List<String> keys = Keys.balancedCourseKeys("CAT", COURSES);
        byte[] payload = EventJson.write(new CatalogInfoChangedEvent(new CourseCatalogData(keys.get(0),
                "Benchmark catalog course 0", new CourseScheduleData(Instant.parse("2026-09-01T00:00:00Z"),
                CourseScheduleData.INSTRUCTOR_PACED, Instant.parse("2027-06-30T00:00:00Z"), null, null),
                false, false)));
        return new WireSample(TYPE, keys, payload);
    }

    @Override
    RawPostgres.Shape rawShape() {
        List<String> keys = Keys.balancedCourseKeys("CAT", COURSES);
        Timestamp start = Timestamp.from(Instant.parse("2026-09-01T00:00:00Z"));
        Timestamp end = Timestamp.from(Instant.parse("2027-06-30T00:00:00Z"));
        return new RawPostgres.Shape(name(), List.of("""
                CREATE TABLE course (key TEXT COLLATE "C" PRIMARY KEY, title TEXT NOT NULL,
                                     created_at TIMESTAMPTZ NOT NULL)
                """, """
                CREATE TABLE course_run (
                    key TEXT COLLATE "C" PRIMARY KEY, course TEXT COLLATE "C" NOT NULL REFERENCES course (key),
                    title TEXT NOT NULL, start_at TIMESTAMPTZ NOT NULL, end_at TIMESTAMPTZ,
                    enrollment_start TIMESTAMPTZ, enrollment_end TIMESTAMPTZ,
                    pacing_type TEXT NOT NULL CHECK (pacing_type IN ('instructor_paced', 'self_paced')),
                    hidden BOOLEAN NOT NULL, invitation_only BOOLEAN NOT NULL, modified TIMESTAMPTZ NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL)
                """, "CREATE INDEX course_run_course ON course_run (course)"),
                List.of(new RawPostgres.Write(RawPostgres.ADVANCE, (statement, event, id, now) ->
                                RawPostgres.advance(statement, "course-run", keys.get(event % keys.size()), id, now)),
                        new RawPostgres.Write("""
                                INSERT INTO course (key, title, created_at) VALUES (?, ?, ?)
                                ON CONFLICT (key) DO NOTHING
                                """, (statement, event, id, now) -> {
                            statement.setString(1, courseOf(keys.get(event % keys.size())));
                            statement.setString(2, "Benchmark catalog course " + event % keys.size());
                            statement.setTimestamp(3, Timestamp.from(now));
                        }),
                        new RawPostgres.Write("""
                                INSERT INTO course_run (key, course, title, start_at, end_at, enrollment_start,
                                    enrollment_end, pacing_type, hidden, invitation_only, modified, created_at)
                                VALUES (?, ?, ?, ?, ?, NULL, NULL, 'instructor_paced', false, false, ?, ?)
                                ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title,
                                    start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
                                    enrollment_start = EXCLUDED.enrollment_start,
                                    enrollment_end = EXCLUDED.enrollment_end, pacing_type = EXCLUDED.pacing_type,
                                    hidden = EXCLUDED.hidden, invitation_only = EXCLUDED.invitation_only,
                                    modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            String key = keys.get(event % keys.size());
                            statement.setString(1, key);
                            statement.setString(2, courseOf(key));
                            statement.setString(3, "Benchmark catalog course " + event % keys.size());
                            statement.setTimestamp(4, start);
                            statement.setTimestamp(5, end);
                            statement.setTimestamp(6, Timestamp.from(now));
                            statement.setTimestamp(7, Timestamp.from(now));
                        })),
                event -> keys.get(event % keys.size()), event -> TYPE);
    }

    @Override
    String entityOf(JsonNode payload) {
        return payload.path("catalog_info").path("course_key").asString();
    }

    /** ORG+NUMBER of course-v1:ORG+NUMBER+RUN. */
    private static String courseOf(String courseKey) {
        String body = courseKey.substring("course-v1:".length());
        return body.substring(0, body.lastIndexOf('+'));
    }
}
