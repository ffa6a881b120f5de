package org.openedx.suite.insights.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openedx.suite.eventbus.ArrayParameters;
import org.openedx.suite.insights.course.CourseInsightsResponse.ActiveLearners;
import org.openedx.suite.insights.course.CourseInsightsResponse.Certificates;
import org.openedx.suite.insights.course.CourseInsightsResponse.Completion;
import org.openedx.suite.insights.course.CourseInsightsResponse.EnrollmentDay;
import org.openedx.suite.insights.course.CourseInsightsResponse.Enrollments;
import org.openedx.suite.insights.course.CourseInsightsResponse.Exams;
import org.openedx.suite.insights.course.CourseInsightsResponse.Grades;
import org.openedx.suite.insights.course.CourseInsightsResponse.LearnersOnDay;
import org.openedx.suite.insights.course.CourseInsightsResponse.Passing;
import org.openedx.suite.insights.statement.Fact;
import org.openedx.suite.insights.statement.Fact.Facet;
import org.openedx.suite.insights.statement.Statement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-course figures, kept in the consumer's transaction by a few set-based statements per poll: counters from
 * the statements stored for the first time ({@link #count}), and each learner's state from the events that
 * newest-wins let through ({@link #apply}). Reading them ({@link #of}) groups these small tables, never the
 * statements. Rows are written in key order, so that consumers of several partitions wait for each other instead of
 * deadlocking on a course's rows.
 */
@Service
public class CourseFigures {

    static final List<String> GRADE_LABELS = List.of("0-10%", "10-20%", "20-30%", "30-40%", "40-50%", "50-60%",
            "60-70%", "70-80%", "80-90%", "90-100%");

    private static final String COUNT_STATEMENTS = """
            INSERT INTO course_insight (course_key, statements, last_event)
            SELECT * FROM unnest(?::text[], ?::int8[], ?::text[]::timestamptz[])
            ON CONFLICT (course_key) DO UPDATE
               SET statements = course_insight.statements + EXCLUDED.statements,
                   last_event = greatest(course_insight.last_event, EXCLUDED.last_event)
            """;

    private static final String COUNT_ENROLLMENTS = """
            INSERT INTO enrollment_day (course_key, day, mode, activated, deactivated)
            SELECT * FROM unnest(?::text[], ?::text[]::date[], ?::text[], ?::int4[], ?::int4[])
            ON CONFLICT (course_key, day, mode) DO UPDATE
               SET activated = enrollment_day.activated + EXCLUDED.activated,
                   deactivated = enrollment_day.deactivated + EXCLUDED.deactivated
            """;

    private static final String ACTIVE_LEARNERS = """
            INSERT INTO active_learner_day (course_key, day, actor)
            SELECT * FROM unnest(?::text[], ?::text[]::date[], ?::text[])
            ON CONFLICT DO NOTHING
            """;

    private static final String LOAD_STATES = """
            SELECT course_key, facet, actor, object_key, status, detail FROM learner_state
             WHERE (course_key, facet, actor, object_key) IN
                   (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]))
            """;

    private static final String WRITE_STATES = """
            INSERT INTO learner_state (course_key, facet, actor, object_key, status, detail, earned, possible,
                                       event_time)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
                                 ?::numeric[], ?::text[]::timestamptz[])
            ON CONFLICT (course_key, facet, actor, object_key) DO UPDATE
               SET status = EXCLUDED.status, detail = EXCLUDED.detail, earned = EXCLUDED.earned,
                   possible = EXCLUDED.possible, event_time = EXCLUDED.event_time
            """;

    private static final String GRADE_BUCKETS = """
            SELECT least(9, floor(10 * earned / possible))::int AS bucket, count(*) AS learners
              FROM (SELECT sum(earned) AS earned, sum(possible) AS possible FROM learner_state
                     WHERE course_key = ? AND facet = 'subsection-grade' GROUP BY actor) AS learner
             WHERE possible > 0
             GROUP BY 1
            """;

    private final JdbcTemplate jdbc;

    CourseFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts statements stored for the first time: per course, enrollment changes per day, learners per day. */
    @Transactional
    public void count(List<Statement> stored) {
        Map<String, Tally> courses = new TreeMap<>();
        Map<List<String>, int[]> enrollments = new TreeMap<>(KEYS);
        Map<List<String>, Boolean> learnerDays = new TreeMap<>(KEYS);
        for (Statement statement : stored) {
            courses.computeIfAbsent(statement.courseKey(), key -> new Tally()).add(statement.timestamp());
            String day = day(statement.timestamp()).toString();
            boolean activated = statement.trackingName().equals("edx.course.enrollment.activated");
            if (activated || statement.trackingName().equals("edx.course.enrollment.deactivated")) {
                int[] counts = enrollments.computeIfAbsent(
                        List.of(statement.courseKey(), day, statement.fact().detail()), key -> new int[2]);
                counts[activated ? 0 : 1]++;
            }
            if (statement.byLearner()) {
                learnerDays.put(List.of(statement.courseKey(), day, statement.actor()), true);
            }
        }
        if (!courses.isEmpty()) {
            List<Map.Entry<String, Tally>> rows = List.copyOf(courses.entrySet());
            jdbc.update(COUNT_STATEMENTS, new ArrayParameters().texts(rows, Map.Entry::getKey)
                    .longs(rows, row -> row.getValue().statements).instants(rows, row -> row.getValue().last));
        }
        if (!enrollments.isEmpty()) {
            List<Map.Entry<List<String>, int[]>> rows = List.copyOf(enrollments.entrySet());
            jdbc.update(COUNT_ENROLLMENTS, new ArrayParameters().texts(rows, row -> row.getKey().get(0))
                    .texts(rows, row -> row.getKey().get(1)).texts(rows, row -> row.getKey().get(2))
                    .ints(rows, row -> row.getValue()[0]).ints(rows, row -> row.getValue()[1]));
        }
        if (!learnerDays.isEmpty()) {
            List<List<String>> rows = List.copyOf(learnerDays.keySet());
            jdbc.update(ACTIVE_LEARNERS, new ArrayParameters().texts(rows, row -> row.get(0))
                    .texts(rows, row -> row.get(1)).texts(rows, row -> row.get(2)));
        }
    }

    /**
     * Sets each learner's state as these statements (which newest-wins let through, in order) say: the last of a
     * key's wins; a mode change keeps whether the learner is enrolled. One query to read, one to write.
     */
    @Transactional
    public void apply(List<Statement> newest) {
        Map<List<String>, State> states = new TreeMap<>(KEYS);
        for (Statement statement : newest) {
            if (statement.fact() != null) {
                states.put(key(statement), null);
            }
        }
        if (states.isEmpty()) {
            return;
        }
        List<List<String>> keys = List.copyOf(states.keySet());
        jdbc.query(LOAD_STATES, new ArrayParameters().texts(keys, key -> key.get(0)).texts(keys, key -> key.get(1))
                .texts(keys, key -> key.get(2)).texts(keys, key -> key.get(3)), rs -> {
                    states.put(List.of(rs.getString("course_key"), rs.getString("facet"), rs.getString("actor"),
                                    rs.getString("object_key")),
                            new State(rs.getString("status"), rs.getString("detail"), null, null, null));
                });
        Map<List<String>, State> changed = new TreeMap<>(KEYS);
        for (Statement statement : newest) {
            Fact fact = statement.fact();
            if (fact == null) {
                continue;
            }
            List<String> key = key(statement);
            State before = states.get(key);
            String status = fact.status() != null ? fact.status() : before != null ? before.status() : "active";
            String detail = fact.detail() != null ? fact.detail() : before != null ? before.detail() : null;
            State after = new State(status, detail, fact.earned(), fact.possible(), statement.timestamp());
            states.put(key, after);
            changed.put(key, after);
        }
        List<Map.Entry<List<String>, State>> rows = List.copyOf(changed.entrySet());
        jdbc.update(WRITE_STATES, new ArrayParameters()
                .texts(rows, row -> row.getKey().get(0)).texts(rows, row -> row.getKey().get(1))
                .texts(rows, row -> row.getKey().get(2)).texts(rows, row -> row.getKey().get(3))
                .texts(rows, row -> row.getValue().status()).texts(rows, row -> row.getValue().detail())
                .decimals(rows, row -> row.getValue().earned()).decimals(rows, row -> row.getValue().possible())
                .instants(rows, row -> row.getValue().time()));
    }

    /** The courses insights holds statements of, by key. */
    @Transactional(readOnly = true)
    public List<CourseController.CourseResponse> courses() {
        return jdbc.query("SELECT course_key, statements, last_event FROM course_insight ORDER BY course_key",
                (rs, n) -> new CourseController.CourseResponse(rs.getString("course_key"), rs.getLong("statements"),
                        rs.getObject("last_event", OffsetDateTime.class).toInstant()));
    }

    /** The figures of a course; empty when insights holds nothing of it. */
    @Transactional(readOnly = true)
    public Optional<CourseInsightsResponse> of(String courseKey) {
        List<Object[]> course = jdbc.query("SELECT statements, last_event FROM course_insight WHERE course_key = ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()},
                courseKey);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byMode = new TreeMap<>();
        jdbc.query("""
                SELECT detail, count(*) FROM learner_state
                 WHERE course_key = ? AND facet = 'enrollment' AND status = 'active' GROUP BY detail""",
                rs -> { byMode.put(rs.getString(1), rs.getLong(2)); }, courseKey);
        List<EnrollmentDay> overTime = jdbc.query("""
                SELECT day, mode, activated, deactivated FROM enrollment_day WHERE course_key = ? ORDER BY day, mode""",
                (rs, n) -> new EnrollmentDay(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)), courseKey);
        List<LearnersOnDay> byDay = jdbc.query("""
                SELECT day, count(*) FROM active_learner_day WHERE course_key = ? GROUP BY day ORDER BY day""",
                (rs, n) -> new LearnersOnDay(rs.getObject(1, LocalDate.class), rs.getLong(2)), courseKey);
        Long lastSevenDays = jdbc.queryForObject("""
                SELECT count(DISTINCT actor) FROM active_learner_day WHERE course_key = ? AND day > ?::date""",
                Long.class, courseKey, day(Instant.now()).minusDays(7).toString());
        Long[] buckets = new Long[10];
        java.util.Arrays.fill(buckets, 0L);
        jdbc.query(GRADE_BUCKETS, rs -> { buckets[rs.getInt(1)] = rs.getLong(2); }, courseKey);
        Map<String, Long> passing = statuses(courseKey, Facet.PASSING);
        Map<String, Long> certificates = statuses(courseKey, Facet.CERTIFICATE);
        Map<String, Long> exams = statuses(courseKey, Facet.EXAM);
        Long[] completion = jdbc.queryForObject("""
                SELECT count(DISTINCT actor), count(*) FILTER (WHERE earned >= 1) FROM learner_state
                 WHERE course_key = ? AND facet = 'block-completion'""",
                (rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}, courseKey);
        long passed = passing.getOrDefault("passed", 0L);
        long failed = passing.getOrDefault("failed", 0L);
        List<Long> learners = List.of(buckets);
        return Optional.of(new CourseInsightsResponse(courseKey, (Long) course.get(0)[0],
                (Instant) course.get(0)[1],
                new Enrollments(Collections.unmodifiableMap(byMode),
                        byMode.values().stream().mapToLong(Long::longValue).sum(), overTime),
                new ActiveLearners(byDay, lastSevenDays == null ? 0 : lastSevenDays),
                new Grades(GRADE_LABELS, learners, learners.stream().mapToLong(Long::longValue).sum()),
                new Passing(passed, failed, passed + failed == 0 ? null : (double) passed / (passed + failed)),
                new Certificates(certificates.getOrDefault("awarded", 0L), certificates.getOrDefault("revoked", 0L)),
                new Exams(exams.getOrDefault("submitted", 0L), exams.getOrDefault("verified", 0L),
                        exams.getOrDefault("rejected", 0L), exams.getOrDefault("error", 0L)),
                new Completion(completion[0], completion[1])));
    }

    private Map<String, Long> statuses(String courseKey, Facet facet) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT status, count(*) FROM learner_state WHERE course_key = ? AND facet = ? GROUP BY status",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, courseKey, facet.entityType());
        return counts;
    }

    private static List<String> key(Statement statement) {
        return List.of(statement.courseKey(), statement.fact().facet().entityType(), statement.actor(),
                statement.fact().objectKey());
    }

    private static LocalDate day(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Keys compared part by part, as PostgreSQL's "C" collation orders them. */
    private static final java.util.Comparator<List<String>> KEYS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static final class Tally {
        long statements;
        Instant last = Instant.MIN;

        void add(Instant time) {
            statements++;
            if (time.isAfter(last)) {
                last = time;
            }
        }
    }

    private record State(String status, String detail, BigDecimal earned, BigDecimal possible, Instant time) {
    }
}
