package org.openedx.suite.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Tracking logs, LMS to Insights (issue 15): audit learners' subsection grades change through the LMS's REST API,
 * each change one {@code edx.grades.subsection.grade_calculated} tracking log (the learners stay below the passing
 * line, so no passing or certificate log rides along), and insights turns each into an xAPI statement, counts it in
 * the course's figures and sets the learner's grade on that subsection. The flow's events are all the tracking logs
 * insights applies; during the measured phases only the flow's grade changes write any.
 * <p>
 * Tracking logs are keyed by their name, as Open edX keys them: every grade log of the flow travels on one partition
 * of {@code analytics}, so one consumer thread of insights applies them all, and the raw PostgreSQL baseline, which
 * writes each partition's events on one connection, uses one connection too.
 */
final class TrackingFlow extends Flow {

    static final int COURSES = 30;
    static final int LEARNERS = 1000;
    /** Subsections each learner is graded on, in turn: the newest-wins state is per learner and subsection. */
    static final int SUBSECTIONS = 4;
    /** Points of every subsection; earned stays at 1..4 of them, below the courses' passing line of 50 %. */
    static final int POSSIBLE = 10;
    static final int MAX_EARNED = 4;

    static final String GRADED = "edx.grades.subsection.grade_calculated";
    static final String ENROLLED = "edx.course.enrollment.activated";
    private static final String TYPE = OpenEdxEvents.TRACKING_EVENT_EMITTED.name();

    /**
     * The key of insights' anonymous ids (HMAC-SHA256 of {@code user:<id>}): the suite runner leaves
     * {@code INSIGHTS_ANONYMOUS_ID_SECRET} unset, so insights runs with its default. If that changes, the per-learner
     * checks find no learner and fail; they cannot pass wrongly.
     */
    private static final String ANONYMOUS_ID_SECRET = "change-me-insights";

    List<String> courses = List.of();
    List<Bench.Learner> learners = List.of();
    /** Grade changes sent per learner; a learner has one writer at a time. */
    private int[] changes = new int[0];
    /** Grade changes the LMS acknowledged, per learner and subsection ({@code learner * SUBSECTIONS + s}). */
    private AtomicLongArray acknowledged = new AtomicLongArray(0);
    private Bench.OneAtATime oneAtATime = new Bench.OneAtATime(0);

    TrackingFlow(Bench bench) {
        super(bench);
    }

    @Override
    String name() {
        return "tracking";
    }

    @Override
    String path() {
        return "lms -> insights";
    }

    @Override
    SuiteService producer() {
        return SuiteService.LMS;
    }

    @Override
    SuiteService consumer() {
        return SuiteService.INSIGHTS;
    }

    @Override
    String eventTypes() {
        return TYPE;
    }

    @Override
    String topic() {
        return Topics.ANALYTICS;
    }

    @Override
    void setUp(int events, int latencyChanges) {
        courses = Keys.balancedCourseKeys("TRACK", COURSES);
        bench.createCourses(courses, "Benchmark tracking course", true);
        learners = bench.learners(LEARNERS);
        bench.enroll(learners, this::courseOf, "audit");
        changes = new int[learners.size()];
        acknowledged = new AtomicLongArray(learners.size() * SUBSECTIONS);
        oneAtATime = new Bench.OneAtATime(learners.size());
    }

    private String courseOf(int learner) {
        return courses.get(learner % courses.size());
    }

    private static String block(int subsection) {
        return "track" + subsection;
    }

    /** One grade change: the subsection and the body of the PUT. */
    private record Change(int learner, int subsection, String url, String body) {
    }

    /**
     * A learner's next change: the subsections in turn, each time a score other than the one it had (1, 2, 3, 4 of
     * 10, round and round), so each PUT is a change and the learner never reaches the passing line.
     */
    private Change nextChange(int learner) {
        int n = changes[learner]++;
        int subsection = n % SUBSECTIONS;
        int earned = 1 + (n / SUBSECTIONS) % MAX_EARNED;
        String course = courseOf(learner);
        String url = bench.url(SuiteService.LMS, "/api/grades/" + course + "/" + learners.get(learner).username()
                + "/subsections/" + Keys.usageKey(course, block(subsection)));
        return new Change(learner, subsection, url,
                "{\"earned\":" + earned + ",\"possible\":" + POSSIBLE + "}");
    }

    @Override
    void write(int events) {
        int threads = bench.options.clients();
        bench.onEveryWriter(thread -> {
            for (int n = 0; n < events; n++) {
                int learner = n % learners.size();
                if (learner % threads == thread) {
                    Change change = nextChange(learner);
                    bench.rest.put(change.url(), change.body())
                            .expectOk("grading " + learners.get(learner).username());
                    acknowledged.incrementAndGet(learner * SUBSECTIONS + change.subsection());
                }
            }
        });
    }

    @Override
    synchronized CompletableFuture<Rest.Answer> change(int slot) {
        int learner = slot % learners.size();
        // one learner's changes one after the other, as the pipeline's writers send them
        Change change = nextChange(learner);
        return oneAtATime.send(learner, () -> bench.rest.putAsync(change.url(), change.body()).thenApply(answer -> {
            if (answer.ok()) {
                acknowledged.incrementAndGet(learner * SUBSECTIONS + change.subsection());
            }
            return answer;
        }));
    }

    @Override
    LatencyReading latencyReading() {
        return LatencyReading.EVENT_TIME;
    }

    /**
     * What insights holds of the flow's courses against what the LMS acknowledged and holds: a statement per grade
     * change and per enrollment, none twice, each learner's grade per subsection, the courses' figures as its API
     * serves them, and no dead letter.
     */
    @Override
    List<Check> verify() {
        String[] keys = courses.toArray(String[]::new);
        ServiceDb insights = bench.db(SuiteService.INSIGHTS);
        ServiceDb lms = bench.db(SuiteService.LMS);
        List<Check> checks = new ArrayList<>();

        long sent = 0;
        for (int i = 0; i < acknowledged.length(); i++) {
            sent += acknowledged.get(i);
        }
        long gradeStatements = insights.queryLong("""
                SELECT count(*) FROM statement WHERE tracking_name = ? AND course_key = ANY (?)
                """, GRADED, keys);
        checks.add(new Check("a statement per grade change the LMS acknowledged", gradeStatements == sent,
                gradeStatements + " grade statements for " + sent + " acknowledged grade changes"));

        long enrollments = lms.queryLong("SELECT count(*) FROM enrollment WHERE course_key = ANY (?)", (Object) keys);
        long enrollmentStatements = insights.queryLong("""
                SELECT count(*) FROM statement WHERE tracking_name = ? AND course_key = ANY (?)
                """, ENROLLED, keys);
        checks.add(new Check("a statement per enrollment the LMS holds", enrollmentStatements == enrollments,
                enrollmentStatements + " enrollment statements for " + enrollments + " enrollments"));

        // per learner and subsection: as many statements as changes, at as many distinct times (a double under
        // another id, or a loss, shows here even where the totals happen to balance)
        Map<String, Integer> learnerOf = new HashMap<>();
        for (int i = 0; i < learners.size(); i++) {
            learnerOf.put(anonymousId(learners.get(i).id()), i);
        }
        Map<String, long[]> perKey = new HashMap<>();
        long unknownActors = 0;
        for (String[] row : insights.rows("""
                SELECT actor, object_id, count(*), count(DISTINCT event_time) FROM statement
                 WHERE tracking_name = ? AND course_key = ANY (?) GROUP BY actor, object_id
                """, GRADED, keys)) {
            Integer learner = learnerOf.get(row[0]);
            if (learner == null) {
                unknownActors += Long.parseLong(row[2]);
                continue;
            }
            String usageKey = row[1].substring(row[1].indexOf("/xblock/") + "/xblock/".length());
            perKey.put(learner + "|" + usageKey, new long[] {Long.parseLong(row[2]), Long.parseLong(row[3])});
        }
        long doubled = 0;
        long lost = 0;
        long sameTime = 0;
        for (int learner = 0; learner < learners.size(); learner++) {
            for (int s = 0; s < SUBSECTIONS; s++) {
                long expected = acknowledged.get(learner * SUBSECTIONS + s);
                long[] found = perKey.getOrDefault(learner + "|" + Keys.usageKey(courseOf(learner), block(s)),
                        new long[2]);
                doubled += Math.max(0, found[0] - expected);
                lost += Math.max(0, expected - found[0]);
                sameTime += found[0] - found[1];
            }
        }
        checks.add(new Check("each learner's grade changes as statements, none twice, none lost",
                doubled == 0 && lost == 0 && sameTime == 0 && unknownActors == 0,
                perKey.size() + " learner-subsections; " + doubled + " statements more than changes, " + lost
                        + " fewer, " + sameTime + " at a time already taken, " + unknownActors
                        + " of learners the benchmark does not know"));

        Map<String, Long> counted = new TreeMap<>();
        for (String[] row : insights.rows("SELECT course_key, statements FROM course_insight WHERE course_key = ANY (?)",
                (Object) keys)) {
            counted.put(row[0], Long.parseLong(row[1]));
        }
        Map<String, Long> held = new TreeMap<>();
        for (String[] row : insights.rows("""
                SELECT course_key, count(*) FROM statement WHERE course_key = ANY (?) GROUP BY course_key
                """, (Object) keys)) {
            held.put(row[0], Long.parseLong(row[1]));
        }
        checks.add(new Check("each course's statement count equals its statements", counted.equals(held)
                && held.size() == keys.length, held.size() + " courses, "
                + held.values().stream().mapToLong(Long::longValue).sum() + " statements held, "
                + counted.values().stream().mapToLong(Long::longValue).sum() + " counted"));

        // each learner's grade per subsection, as the LMS holds it
        Map<String, BigDecimal[]> grades = new HashMap<>();
        for (String[] row : lms.rows("""
                SELECT user_id, usage_key, coalesce(override_earned, earned)::text, possible::text
                  FROM subsection_grade WHERE course_key = ANY (?)
                """, (Object) keys)) {
            grades.put(anonymousId(Long.parseLong(row[0])) + "|" + row[1],
                    new BigDecimal[] {new BigDecimal(row[2]), new BigDecimal(row[3])});
        }
        int agree = 0;
        int disagree = 0;
        int states = 0;
        for (String[] row : insights.rows("""
                SELECT actor, object_key, earned::text, possible::text FROM learner_state
                 WHERE facet = 'subsection-grade' AND course_key = ANY (?)
                """, (Object) keys)) {
            states++;
            BigDecimal[] lmsGrade = grades.get(row[0] + "|" + row[1]);
            if (lmsGrade != null && row[2] != null && row[3] != null
                    && lmsGrade[0].compareTo(new BigDecimal(row[2])) == 0
                    && lmsGrade[1].compareTo(new BigDecimal(row[3])) == 0) {
                agree++;
            } else {
                disagree++;
            }
        }
        checks.add(new Check("each learner's subsection grades agree with the LMS's",
                disagree == 0 && agree == grades.size(), grades.size() + " grades in the LMS, " + states
                        + " in insights; " + agree + " agree, " + disagree + " disagree or unknown to the LMS"));

        checks.add(figures(keys));

        long deadLetters = insights.deadLetters();
        checks.add(new Check("insights holds no dead letter", deadLetters == 0, deadLetters + " dead letters"));
        return checks;
    }

    /**
     * The figures insights serves ({@code GET /api/courses/{key}/insights}) against the LMS's tables: the grade
     * distribution (each learner's earned over possible, in tenths), the learners graded, the enrollments by mode.
     */
    private Check figures(String[] keys) {
        Map<String, long[]> buckets = new HashMap<>();
        for (String[] row : bench.db(SuiteService.LMS).rows("""
                SELECT course_key, least(9, floor(10 * sum(coalesce(override_earned, earned)) / sum(possible)))::int
                  FROM subsection_grade WHERE course_key = ANY (?)
                 GROUP BY course_key, user_id HAVING sum(possible) > 0
                """, (Object) keys)) {
            buckets.computeIfAbsent(row[0], key -> new long[10])[Integer.parseInt(row[1])]++;
        }
        Map<String, Map<String, Long>> modes = new HashMap<>();
        for (String[] row : bench.db(SuiteService.LMS).rows("""
                SELECT course_key, mode, count(*) FROM enrollment
                 WHERE course_key = ANY (?) AND is_active GROUP BY course_key, mode
                """, (Object) keys)) {
            modes.computeIfAbsent(row[0], key -> new TreeMap<>()).put(row[1], Long.parseLong(row[2]));
        }
        int agree = 0;
        List<String> differ = new ArrayList<>();
        long graded = 0;
        for (String course : keys) {
            JsonNode figures = bench.rest.get(bench.url(SuiteService.INSIGHTS, "/api/courses/" + course + "/insights"))
                    .expectOk("reading the figures of " + course).json();
            long[] expected = buckets.getOrDefault(course, new long[10]);
            long[] served = new long[10];
            JsonNode learnersByBucket = figures.path("grades").path("learners");
            for (int b = 0; b < 10; b++) {
                served[b] = learnersByBucket.path(b).asLong();
            }
            long expectedGraded = Arrays.stream(expected).sum();
            graded += expectedGraded;
            Map<String, Long> byMode = new TreeMap<>();
            figures.path("enrollments").path("by_mode").properties()
                    .forEach(entry -> byMode.put(entry.getKey(), entry.getValue().asLong()));
            boolean same = Arrays.equals(expected, served)
                    && figures.path("grades").path("graded").asLong() == expectedGraded
                    && byMode.equals(modes.getOrDefault(course, Map.of()));
            if (same) {
                agree++;
            } else if (differ.size() < 3) {
                differ.add(course + ": grades " + Arrays.toString(served) + " vs LMS "
                        + Arrays.toString(expected) + ", by mode " + byMode + " vs LMS "
                        + modes.getOrDefault(course, Map.of()));
            }
        }
        return new Check("each course's grade distribution and enrollments by mode agree with the LMS's",
                agree == keys.length, agree + " of " + keys.length + " courses agree (" + graded
                        + " learners graded)" + (differ.isEmpty() ? "" : "; " + String.join("; ", differ)));
    }

    /** Insights' name for a learner: the first 32 hex digits of HMAC-SHA256(secret, "user:" + id). */
    static String anonymousId(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ANONYMOUS_ID_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("user:" + userId).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    WireSample wireSample() {
        String course = Keys.balancedCourseKeys("TRACK", COURSES).get(0);
        String usageKey = Keys.usageKey(course, block(0));
        Instant at = EventTimes.truncate(Instant.now());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("block_id", usageKey);
        data.put("weighted_total_earned", 3.0);
        data.put("weighted_total_possible", 10.0);
        data.put("weighted_graded_earned", 3.0);
        data.put("weighted_graded_possible", 10.0);
        data.put("first_attempted", EventTimes.format(at));
        data.put("event_transaction_id", "0b5c1a5e-8f3a-4f57-a9a5-6c3f0e0d9a11");
        data.put("event_transaction_type", GRADED);
        data.put("user_id", 123);
        data.put("course_id", course);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("course_id", course);
        context.put("org_id", "Bench");
        context.put("user_id", 123);
        context.put("event_source", "server");
        context.put("path", "/api/grades/" + course + "/bench_123/subsections/" + usageKey);
        byte[] payload = EventJson.write(new TrackingEvent(new TrackingEvent.TrackingLogData(GRADED,
                EventTimes.format(at), Rest.json(data), Rest.json(context))));
        // keyed by the tracking name, as Open edX's tracker keys them: one key, one partition
        return new WireSample(TYPE, List.of(GRADED), payload);
    }

    /**
     * The same writes done directly: per grade log, what insights writes for it: the newest-wins version of the
     * learner's subsection, the statement (insert or nothing, with its seven indexes and its body), the course's
     * statement count, the learner's active day and the learner's state on the subsection. All on one connection,
     * as all the flow's logs share one key and so one partition. (Insights reads the states and locks the versions
     * too; those reads are not part of the raw shape, as they are not in the other flows'.)
     */
    @Override
    RawPostgres.Shape rawShape() {
        List<String> keys = Keys.balancedCourseKeys("TRACK", COURSES);
        String root = "http://localhost:18000";
        String[] actors = new String[LEARNERS];
        for (int learner = 0; learner < LEARNERS; learner++) {
            actors[learner] = anonymousId(learner + 1);
        }
        return new RawPostgres.Shape(name(), List.of("""
                CREATE SEQUENCE statement_seq
                """, """
                CREATE TABLE statement (
                    id uuid PRIMARY KEY, seq bigint NOT NULL DEFAULT nextval('statement_seq') UNIQUE,
                    tx xid8 NOT NULL DEFAULT pg_current_xact_id(), course_key text NOT NULL, actor text NOT NULL,
                    verb text NOT NULL, object_id text NOT NULL, registration uuid, tracking_name text NOT NULL,
                    event_time timestamptz NOT NULL, stored timestamptz NOT NULL, body json NOT NULL)
                """,
                "CREATE INDEX statement_stored ON statement (stored, seq)",
                "CREATE INDEX statement_tx ON statement (tx)",
                "CREATE INDEX statement_course ON statement (course_key, seq)",
                "CREATE INDEX statement_verb ON statement (verb, stored)",
                "CREATE INDEX statement_object ON statement (object_id, stored)",
                "CREATE INDEX statement_actor ON statement (actor, stored)",
                "CREATE INDEX statement_registration ON statement (registration)", """
                CREATE TABLE course_insight (
                    course_key text PRIMARY KEY, statements bigint NOT NULL, last_event timestamptz NOT NULL)
                """, """
                CREATE TABLE active_learner_day (
                    course_key text NOT NULL, day date NOT NULL, actor text NOT NULL,
                    PRIMARY KEY (course_key, day, actor))
                """, """
                CREATE TABLE learner_state (
                    course_key text NOT NULL, facet text NOT NULL, actor text NOT NULL, object_key text NOT NULL,
                    status text NOT NULL, detail text, earned numeric, possible numeric,
                    event_time timestamptz NOT NULL, PRIMARY KEY (course_key, facet, actor, object_key))
                """),
                List.of(new RawPostgres.Write(RawPostgres.ADVANCE, (statement, event, id, now) ->
                                RawPostgres.advance(statement, "subsection-grade", keys.get(learner(event) % COURSES)
                                        + "|" + actors[learner(event)] + "|" + rawBlock(keys, event), id, now)),
                        new RawPostgres.Write("""
                                INSERT INTO statement (id, course_key, actor, verb, object_id, registration,
                                    tracking_name, event_time, stored, body)
                                VALUES (?, ?, ?, 'http://id.tincanapi.com/verb/earned', ?, ?, ?, ?, ?, CAST(? AS json))
                                ON CONFLICT (id) DO NOTHING
                                """, (statement, event, id, now) -> {
                            String course = keys.get(learner(event) % COURSES);
                            String actor = actors[learner(event)];
                            String object = root + "/xblock/" + rawBlock(keys, event);
                            int earned = rawEarned(event);
                            String time = EventTimes.format(now);
                            statement.setObject(1, id);
                            statement.setString(2, course);
                            statement.setString(3, actor);
                            statement.setString(4, object);
                            statement.setObject(5, id);
                            statement.setString(6, GRADED);
                            statement.setTimestamp(7, Timestamp.from(now));
                            statement.setTimestamp(8, Timestamp.from(now));
                            statement.setString(9, """
                                    {"id":"%s","version":"1.0.3","actor":{"objectType":"Agent","account":\
                                    {"homePage":"%s","name":"%s"}},"verb":{"id":"http://id.tincanapi.com/verb/earned",\
                                    "display":{"en-US":"earned"}},"object":{"objectType":"Activity","id":"%s",\
                                    "definition":{"type":"http://adlnet.gov/expapi/activities/module"}},"result":\
                                    {"score":{"raw":%d,"max":%d,"scaled":%s}},"context":{"registration":"%s",\
                                    "contextActivities":{"parent":[{"objectType":"Activity","id":"%s/course/%s",\
                                    "definition":{"type":"http://adlnet.gov/expapi/activities/course"}}]},\
                                    "extensions":{"https://w3id.org/xapi/openedx/extension/transformer-version":\
                                    "insights-service@1.0","https://w3id.org/xapi/openedx/extensions/tracking-log":\
                                    "%s"}},"timestamp":"%s","stored":"%s"}"""
                                    .formatted(id, root, actor, object, earned, POSSIBLE,
                                            BigDecimal.valueOf(earned, 1).stripTrailingZeros().toPlainString(), id,
                                            root, course, GRADED, time, time));
                        }),
                        new RawPostgres.Write("""
                                INSERT INTO course_insight (course_key, statements, last_event) VALUES (?, 1, ?)
                                ON CONFLICT (course_key) DO UPDATE
                                   SET statements = course_insight.statements + EXCLUDED.statements,
                                       last_event = greatest(course_insight.last_event, EXCLUDED.last_event)
                                """, (statement, event, id, now) -> {
                            statement.setString(1, keys.get(learner(event) % COURSES));
                            statement.setTimestamp(2, Timestamp.from(now));
                        }),
                        new RawPostgres.Write("""
                                INSERT INTO active_learner_day (course_key, day, actor) VALUES (?, ?, ?)
                                ON CONFLICT DO NOTHING
                                """, (statement, event, id, now) -> {
                            statement.setString(1, keys.get(learner(event) % COURSES));
                            statement.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC));
                            statement.setString(3, actors[learner(event)]);
                        }),
                        new RawPostgres.Write("""
                                INSERT INTO learner_state (course_key, facet, actor, object_key, status, detail,
                                    earned, possible, event_time)
                                VALUES (?, 'subsection-grade', ?, ?, 'graded', NULL, ?, ?, ?)
                                ON CONFLICT (course_key, facet, actor, object_key) DO UPDATE
                                   SET status = EXCLUDED.status, detail = EXCLUDED.detail, earned = EXCLUDED.earned,
                                       possible = EXCLUDED.possible, event_time = EXCLUDED.event_time
                                """, (statement, event, id, now) -> {
                            statement.setString(1, keys.get(learner(event) % COURSES));
                            statement.setString(2, actors[learner(event)]);
                            statement.setString(3, rawBlock(keys, event));
                            statement.setBigDecimal(4, BigDecimal.valueOf(rawEarned(event)));
                            statement.setBigDecimal(5, BigDecimal.valueOf(POSSIBLE));
                            statement.setTimestamp(6, Timestamp.from(now));
                        })),
                event -> GRADED,
                event -> TYPE);
    }

    private static int learner(int event) {
        return event % LEARNERS;
    }

    /** The subsection of event n in the raw run: the pipeline's order, each learner's subsections in turn. */
    private static String rawBlock(List<String> keys, int event) {
        return Keys.usageKey(keys.get(learner(event) % COURSES), block((event / LEARNERS) % SUBSECTIONS));
    }

    private static int rawEarned(int event) {
        return 1 + (event / LEARNERS / SUBSECTIONS) % MAX_EARNED;
    }

    /** A learner's subsection: the order that matters is each learner's changes of one subsection. */
    @Override
    String entityOf(JsonNode payload) {
        JsonNode log = payload.path("tracking_log");
        JsonNode data = Rest.parse(log.path("data").asString());
        return log.path("name").asString() + "|" + data.path("user_id").asString() + "|"
                + data.path("block_id").asString();
    }
}
