package org.openedx.suite.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Exam downstream effects, Exams to LMS: learners start proctored exams in credit courses, submit them and reviewers
 * verify them. Starting emits nothing; each submit and each verify is one transaction in exams-service and one
 * {@code exam.attempt.*} event, which the LMS applies to completion and credit requirements.
 */
final class ExamsFlow extends Flow {

    static final int COURSES = 30;
    static final int EXAMS_PER_COURSE = 2;

    private List<String> courses = List.of();
    private long[] examIds = new long[0];
    private String[] examUsageKeys = new String[0];
    private List<Bench.Learner> learners = List.of();
    /** The next unused (learner, exam) pair: each write and the latency run take pairs of their own. */
    private int nextPair;
    private long submitted;
    private long verified;
    private long[] latencyAttempts = new long[0];
    private CompletableFuture<?>[] submits = new CompletableFuture<?>[0];

    ExamsFlow(Bench bench) {
        super(bench);
    }

    @Override
    String name() {
        return "exams";
    }

    @Override
    String path() {
        return "exams -> lms";
    }

    @Override
    SuiteService producer() {
        return SuiteService.EXAMS;
    }

    @Override
    SuiteService consumer() {
        return SuiteService.LMS;
    }

    @Override
    String eventTypes() {
        return "org.openedx.learning.exam.attempt.%";
    }

    @Override
    String topic() {
        return Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE;
    }

    @Override
    void setUp(int events, int latencyChanges) {
        courses = Keys.balancedCourseKeys("EXAM", COURSES);
        bench.createCourses(courses, "Benchmark exams course", true);
        bench.parallel(courses.size(), i -> bench.rest.put(
                        bench.url(SuiteService.LMS, "/api/courses/" + courses.get(i) + "/grading-policy"),
                        "{\"passing_grade\":0.5,\"credit_course\":true}")
                .expectOk("making " + courses.get(i) + " a credit course"));
        int exams = COURSES * EXAMS_PER_COURSE;
        examIds = new long[exams];
        examUsageKeys = new String[exams];
        bench.parallel(exams, e -> {
            String course = courses.get(e % COURSES);
            String usageKey = Keys.usageKey(course, "proctored" + e / COURSES);
            examUsageKeys[e] = usageKey;
            examIds[e] = bench.rest.post(bench.url(SuiteService.EXAMS, "/api/exams"), Rest.json(Map.of(
                            "course_key", course, "usage_key", usageKey, "exam_type", "proctored",
                            "name", "Final " + e, "time_limit_mins", 60)))
                    .expectOk("creating exam " + usageKey).json().path("id").asLong();
        });
        int attempts = (events + 1) / 2 + (latencyChanges + 1) / 2;
        learners = bench.learners((attempts + exams - 1) / exams + 1);
    }

    /** Pair {@code n}: learner n / exams at exam n % exams, so that one learner's attempts spread over courses. */
    private String startUrl(int pair) {
        return bench.url(SuiteService.EXAMS, "/api/exams/" + examIds[pair % examIds.length] + "/attempts");
    }

    private String learnerJson(int pair) {
        Bench.Learner learner = learners.get(pair / examIds.length);
        return Rest.json(Map.of("user", Map.of("id", learner.id(), "username", learner.username(),
                "email", learner.email(), "name", learner.name())));
    }

    private long start(int pair) {
        return bench.rest.post(startUrl(pair), learnerJson(pair)).expectOk("starting attempt " + pair)
                .json().path("id").asLong();
    }

    private String attemptUrl(long attempt) {
        return bench.url(SuiteService.EXAMS, "/api/attempts/" + attempt);
    }

    private static String action(String action) {
        return "{\"action\":\"" + action + "\"}";
    }

    /** Pairs {@code first..}: start, submit, verify; the last attempt of an odd count is only submitted. */
    @Override
    void write(int events) {
        int threads = bench.options.clients();
        int first = nextPair;
        int attempts = (events + 1) / 2;
        nextPair += attempts;
        bench.onEveryWriter(thread -> {
            for (int n = thread; n < attempts; n += threads) {
                long attempt = start(first + n);
                bench.rest.put(attemptUrl(attempt), action("submit")).expectOk("submitting attempt " + attempt);
                if (2 * n + 1 < events) {
                    bench.rest.put(attemptUrl(attempt), action("verify")).expectOk("verifying attempt " + attempt);
                }
            }
        });
        submitted += attempts;
        verified += events - attempts;
    }

    @Override
    void prepareLatency(int changes) {
        int attempts = (changes + 1) / 2;
        int first = nextPair;
        nextPair += attempts;
        latencyAttempts = new long[attempts];
        submits = new CompletableFuture<?>[attempts];
        bench.parallel(attempts, a -> latencyAttempts[a] = start(first + a));
    }

    @Override
    synchronized CompletableFuture<Rest.Answer> change(int slot) {
        int attempt = slot / 2;
        String url = attemptUrl(latencyAttempts[attempt]);
        if (slot % 2 == 0) {
            CompletableFuture<Rest.Answer> submit = bench.rest.putAsync(url, action("submit"));
            submits[attempt] = submit;
            return submit;
        }
        // a review follows the submission it reviews
        return submits[attempt].handle((ignored, failure) -> null)
                .thenCompose(ignored -> bench.rest.putAsync(url, action("verify")));
    }

    @Override
    LatencyReading latencyReading() {
        return LatencyReading.EVENT_TIME;
    }

    @Override
    List<Check> verify() {
        String[] keys = examUsageKeys.clone();
        ServiceDb lms = bench.db(SuiteService.LMS);
        long completed = lms.queryLong("SELECT count(*) FROM block_completion WHERE usage_key = ANY (?) "
                + "AND completion = 1", (Object) keys);
        long satisfied = lms.queryLong("SELECT count(*) FROM credit_requirement_status WHERE name = ANY (?) "
                + "AND status = 'satisfied'", (Object) keys);
        long submitted = lms.queryLong("SELECT count(*) FROM credit_requirement_status WHERE name = ANY (?) "
                + "AND status = 'submitted'", (Object) keys);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("every submitted exam is complete in the lms", completed == this.submitted,
                completed + " of " + this.submitted));
        checks.add(new Check("credit requirements show the newest verdict", satisfied == verified
                && submitted == this.submitted - verified,
                satisfied + " satisfied (expected " + verified + "), " + submitted + " submitted (expected "
                        + (this.submitted - verified) + ")"));
        return checks;
    }

    @Override
    WireSample wireSample() {
        List<String> keys = Keys.balancedCourseKeys("EXAM", COURSES);
        UserData learner = new UserData(123, true, new UserPersonalData("bench_123", "bench_123@example.org",
                "Learner bench_123"));
        byte[] payload = EventJson.write(new ExamAttemptEvent(new ExamAttemptData(learner, keys.get(0),
                Keys.usageKey(keys.get(0), "proctored0"), "proctored", learner)));
        return new WireSample(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED.name(), keys, payload);
    }

    @Override
    RawPostgres.Shape rawShape() {
        List<String> keys = Keys.balancedCourseKeys("EXAM", COURSES);
        int exams = COURSES * EXAMS_PER_COURSE;
        return new RawPostgres.Shape(name(), List.of("""
                CREATE TABLE block_completion (
                    id BIGSERIAL PRIMARY KEY, user_id BIGINT NOT NULL, course_key TEXT NOT NULL,
                    usage_key TEXT NOT NULL, completion DOUBLE PRECISION NOT NULL, modified TIMESTAMPTZ NOT NULL,
                    UNIQUE (user_id, usage_key))
                """, """
                CREATE TABLE credit_requirement_status (
                    id BIGSERIAL PRIMARY KEY, user_id BIGINT NOT NULL, course_key TEXT NOT NULL,
                    namespace TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, modified TIMESTAMPTZ NOT NULL,
                    UNIQUE (user_id, course_key, namespace, name))
                """),
                List.of(new RawPostgres.Write(RawPostgres.ADVANCE, (statement, event, id, now) ->
                                RawPostgres.advance(statement, "exam-subsection",
                                        userOf(event, exams) + "|" + usageKeyOf(keys, event, exams), id, now)),
                        new RawPostgres.Write("""
                                INSERT INTO block_completion (user_id, course_key, usage_key, completion, modified)
                                VALUES (?, ?, ?, 1.0, ?)
                                ON CONFLICT (user_id, usage_key) DO UPDATE SET completion = EXCLUDED.completion,
                                    modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            statement.setLong(1, userOf(event, exams));
                            statement.setString(2, keys.get(event / 2 % exams % COURSES));
                            statement.setString(3, usageKeyOf(keys, event, exams));
                            statement.setTimestamp(4, Timestamp.from(now));
                        }),
                        new RawPostgres.Write("""
                                INSERT INTO credit_requirement_status (user_id, course_key, namespace, name, status,
                                    modified) VALUES (?, ?, 'exam', ?, ?, ?)
                                ON CONFLICT (user_id, course_key, namespace, name) DO UPDATE
                                    SET status = EXCLUDED.status, modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            statement.setLong(1, userOf(event, exams));
                            statement.setString(2, keys.get(event / 2 % exams % COURSES));
                            statement.setString(3, usageKeyOf(keys, event, exams));
                            statement.setString(4, event % 2 == 0 ? "submitted" : "satisfied");
                            statement.setTimestamp(5, Timestamp.from(now));
                        })),
                event -> keys.get(event / 2 % exams % COURSES),
                event -> event % 2 == 0 ? OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED.name()
                        : OpenEdxEvents.EXAM_ATTEMPT_VERIFIED.name());
    }

    /** Event 2n submits pair n, event 2n+1 verifies it, as the pipeline run does. */
    private static long userOf(int event, int exams) {
        return event / 2 / exams + 1;
    }

    private static String usageKeyOf(List<String> keys, int event, int exams) {
        int exam = event / 2 % exams;
        return Keys.usageKey(keys.get(exam % COURSES), "proctored" + exam / COURSES);
    }

    @Override
    String entityOf(JsonNode payload) {
        JsonNode attempt = payload.path("exam_attempt");
        return attempt.path("student_user").path("id").asString() + "|" + attempt.path("usage_key").asString();
    }

    @Override
    boolean typesAlternate() {
        return true;
    }
}
