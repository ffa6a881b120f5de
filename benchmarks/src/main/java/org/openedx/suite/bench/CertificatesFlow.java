package org.openedx.suite.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Credentials management, LMS to Credentials: verified learners' grades cross the passing line back and forth; every
 * crossing is one grade transaction in the LMS that writes a certificate event (created or revoked) and a passing
 * status event, and Credentials awards or revokes the credential. Only the certificate events count as the flow's.
 */
class CertificatesFlow extends Flow {

    static final int COURSES = 30;
    static final int LEARNERS = 1000;

    private static final String PASSING = "{\"earned\":9,\"possible\":10}";
    private static final String FAILING = "{\"earned\":1,\"possible\":10}";

    /** The flow's course keys' prefix: each flow grades its own courses. */
    private final String prefix;
    List<String> courses = List.of();
    List<Bench.Learner> learners = List.of();
    /** Grade changes sent per learner: an odd count leaves the learner passing. Each learner has one writer. */
    private int[] changes = new int[0];
    private Bench.OneAtATime oneAtATime = new Bench.OneAtATime(0);

    /** The learners' enrollment mode: {@code verified} earns certificates, {@code audit} only passing statuses. */
    private final String mode;

    CertificatesFlow(Bench bench) {
        this(bench, "CERT", "verified");
    }

    CertificatesFlow(Bench bench, String prefix, String mode) {
        super(bench);
        this.prefix = prefix;
        this.mode = mode;
    }

    @Override
    String name() {
        return "certificates";
    }

    @Override
    String path() {
        return "lms -> credentials";
    }

    @Override
    SuiteService producer() {
        return SuiteService.LMS;
    }

    @Override
    SuiteService consumer() {
        return SuiteService.CREDENTIALS;
    }

    @Override
    String eventTypes() {
        return "org.openedx.learning.certificate.%";
    }

    @Override
    String topic() {
        return Topics.LEARNING_CERTIFICATE_LIFECYCLE;
    }

    @Override
    int outboxRowsPerEvent() {
        return 2;
    }

    @Override
    void setUp(int events, int latencyChanges) {
        courses = Keys.balancedCourseKeys(prefix, COURSES);
        bench.createCourses(courses, "Benchmark " + name() + " course", true);
        learners = bench.learners(LEARNERS);
        bench.enroll(learners, this::courseOf, mode);
        changes = new int[learners.size()];
        oneAtATime = new Bench.OneAtATime(learners.size());
    }

    private String courseOf(int learner) {
        return courses.get(learner % courses.size());
    }

    private String gradeUrl(int learner) {
        String course = courseOf(learner);
        return bench.url(SuiteService.LMS, "/api/grades/" + course + "/" + learners.get(learner).username()
                + "/subsections/" + Keys.usageKey(course, "homework"));
    }

    /** The next grade of a learner: across the passing line from where the last one left them. */
    private String nextGrade(int learner) {
        return changes[learner]++ % 2 == 0 ? PASSING : FAILING;
    }

    @Override
    void write(int events) {
        int threads = bench.options.clients();
        bench.onEveryWriter(thread -> {
            for (int n = 0; n < events; n++) {
                int learner = n % learners.size();
                if (learner % threads == thread) {
                    bench.rest.put(gradeUrl(learner), nextGrade(learner))
                            .expectOk("grading " + learners.get(learner).username());
                }
            }
        });
    }

    @Override
    synchronized CompletableFuture<Rest.Answer> change(int slot) {
        int learner = slot % learners.size();
        // one learner's changes one after the other, so that each crosses the line the previous one left
        String grade = nextGrade(learner);
        return oneAtATime.send(learner, () -> bench.rest.putAsync(gradeUrl(learner), grade));
    }

    @Override
    LatencyReading latencyReading() {
        return LatencyReading.EVENT_TIME;
    }

    @Override
    List<Check> verify() {
        String[] keys = courses.toArray(String[]::new);
        Map<String, String> lms = new HashMap<>();
        for (String[] row : bench.db(SuiteService.LMS).rows("""
                SELECT u.username || '|' || c.course_key, c.status FROM certificate c JOIN users u ON u.id = c.user_id
                 WHERE c.course_key = ANY (?)
                """, (Object) keys)) {
            lms.put(row[0], row[1]);
        }
        Map<String, String> credentials = new HashMap<>();
        for (String[] row : bench.db(SuiteService.CREDENTIALS).rows("""
                SELECT username || '|' || course_key, status FROM course_run_credential WHERE course_key = ANY (?)
                """, (Object) keys)) {
            credentials.put(row[0], row[1]);
        }
        int disagree = 0;
        int awarded = 0;
        for (Map.Entry<String, String> certificate : lms.entrySet()) {
            String expected = "downloadable".equals(certificate.getValue()) ? "awarded" : "revoked";
            String credential = credentials.get(certificate.getKey());
            if (!expected.equals(credential)) {
                disagree++;
            }
            if ("awarded".equals(credential)) {
                awarded++;
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("every certified learner has a credential", credentials.size() == lms.size(),
                credentials.size() + " credentials for " + lms.size() + " certificates"));
        checks.add(new Check("credentials agree with the LMS's newest certificate status", disagree == 0,
                disagree + " disagree; " + awarded + " awarded, " + (lms.size() - awarded) + " revoked"));
        return checks;
    }

    @Override
    WireSample wireSample() {
        List<String> keys = Keys.balancedCourseKeys("CERT", COURSES);
        byte[] payload = EventJson.write(new CertificateEvent(new CertificateData(
                new UserData(123, true, new UserPersonalData("bench_123", "bench_123@example.org",
                        "Learner bench_123")),
                new CourseData(keys.get(0), "Benchmark certificates course 0",
                        Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-06-30T00:00:00Z")),
                "verified", "0.9", "/certificates/0b5c1a5e-8f3a-4f57-a9a5-6c3f0e0d9a11", "Learner bench_123",
                "downloadable", "notpassing")));
        return new WireSample(OpenEdxEvents.CERTIFICATE_CREATED.name(), keys, payload);
    }

    @Override
    RawPostgres.Shape rawShape() {
        List<String> keys = Keys.balancedCourseKeys("CERT", COURSES);
        return new RawPostgres.Shape(name(), List.of("""
                CREATE TABLE learner (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, username TEXT NOT NULL UNIQUE,
                    user_id BIGINT NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL, modified TIMESTAMPTZ NOT NULL)
                """, """
                CREATE TABLE course_run_credential (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid UUID NOT NULL UNIQUE,
                    username TEXT NOT NULL REFERENCES learner (username), course_key TEXT NOT NULL,
                    certificate_type TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('awarded', 'revoked')),
                    modified TIMESTAMPTZ NOT NULL, UNIQUE (username, course_key))
                """),
                List.of(new RawPostgres.Write(RawPostgres.ADVANCE, (statement, event, id, now) ->
                                RawPostgres.advance(statement, "learner", username(event), id, now)),
                        new RawPostgres.Write("""
                                INSERT INTO learner (username, user_id, email, name, modified) VALUES (?, ?, ?, ?, ?)
                                ON CONFLICT (username) DO UPDATE SET user_id = EXCLUDED.user_id,
                                    email = EXCLUDED.email, name = EXCLUDED.name, modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            statement.setString(1, username(event));
                            statement.setLong(2, event % LEARNERS + 1);
                            statement.setString(3, username(event) + "@example.org");
                            statement.setString(4, "Learner " + username(event));
                            statement.setTimestamp(5, Timestamp.from(now));
                        }),
                        new RawPostgres.Write(RawPostgres.ADVANCE, (statement, event, id, now) ->
                                RawPostgres.advance(statement, "credential",
                                        username(event) + "|" + keys.get(event % LEARNERS % COURSES), id, now)),
                        new RawPostgres.Write("""
                                INSERT INTO course_run_credential (uuid, username, course_key, certificate_type,
                                    status, modified) VALUES (?, ?, ?, 'verified', ?, ?)
                                ON CONFLICT (username, course_key) DO UPDATE SET status = EXCLUDED.status,
                                    certificate_type = EXCLUDED.certificate_type, modified = EXCLUDED.modified
                                """, (statement, event, id, now) -> {
                            statement.setObject(1, id);
                            statement.setString(2, username(event));
                            statement.setString(3, keys.get(event % LEARNERS % COURSES));
                            statement.setString(4, (event / LEARNERS) % 2 == 0 ? "awarded" : "revoked");
                            statement.setTimestamp(5, Timestamp.from(now));
                        })),
                event -> keys.get(event % LEARNERS % COURSES),
                event -> (event / LEARNERS) % 2 == 0 ? OpenEdxEvents.CERTIFICATE_CREATED.name()
                        : OpenEdxEvents.CERTIFICATE_REVOKED.name());
    }

    static String username(int event) {
        return "bench_" + event % LEARNERS;
    }

    @Override
    String entityOf(JsonNode payload) {
        JsonNode certificate = payload.path("certificate");
        return certificate.path("user").path("pii").path("username").asString() + "|"
                + certificate.path("course").path("course_key").asString();
    }

    @Override
    boolean typesAlternate() {
        return true;
    }
}
