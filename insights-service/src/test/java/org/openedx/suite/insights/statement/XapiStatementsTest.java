package org.openedx.suite.insights.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openedx.suite.contracts.TrackingEvent.TrackingLogData;
import org.openedx.suite.eventbus.PoisonMessageException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every tracking name insights maps, against statements written by hand from xAPI 1.0.3 (and event-routing-backends'
 * verbs): the same actor, context and times for all, the verb, object, result and extensions of each. Ids, anonymous
 * id and registration were computed apart, with Python's {@code uuid.uuid5} and {@code hmac}.
 */
class XapiStatementsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LMS = "http://lms.example.com";
    private static final String COURSE = "course-v1:edX+DemoX+2026";
    private static final String TIMESTAMP = "2026-06-01T10:00:00.123456+00:00";
    private static final Instant STORED = Instant.parse("2026-06-01T10:00:05Z");
    private static final String SUBSECTION = "block-v1:edX+DemoX+2026+type@sequential+block@week1";
    private static final String EXAM = "block-v1:edX+DemoX+2026+type@sequential+block@final_exam";
    /** Python: hmac.new(b"test-secret", b"user:42", sha256).hexdigest()[:32] */
    private static final String ANONYMOUS_42 = "7faa1eb24f9623ea3bede1ee97ac8833";
    /** Python: uuid5(uuid5(NAMESPACE_URL, "https://openedx.org/insights/xapi/registration"), "42|" + COURSE) */
    private static final String REGISTRATION = "21d771fc-fdfe-5ec6-b654-0d9bb800441a";
    /** Python: uuid5(NAMESPACE_URL, "https://openedx.org/insights/xapi/statement") */
    private static final UUID STATEMENT_NAMESPACE = UUID.fromString("2333b685-ffc5-5ee3-930c-48e9d4a0ee3f");

    private static final String COURSE_ACTIVITY = """
            {"objectType": "Activity", "id": "http://lms.example.com/course/course-v1:edX+DemoX+2026",
             "definition": {"type": "http://adlnet.gov/expapi/activities/course"}}""";

    private final XapiStatements xapi = new XapiStatements(LMS + "/", "test-secret");

    /** One tracking name: its data beyond user and course, and the parts of its statement that are its own. */
    record Row(String name, String data, String verb, String object, String result, String extensions) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>(List.of(
                new Row("edx.course.enrollment.activated", "\"mode\": \"verified\"",
                        verb("http://adlnet.gov/expapi/verbs/registered", "registered"), COURSE_ACTIVITY, null,
                        "\"https://w3id.org/xapi/openedx/extensions/enrollment-mode\": \"verified\""),
                new Row("edx.course.enrollment.deactivated", "\"mode\": \"audit\"",
                        verb("http://id.tincanapi.com/verb/unregistered", "unregistered"), COURSE_ACTIVITY, null,
                        "\"https://w3id.org/xapi/openedx/extensions/enrollment-mode\": \"audit\""),
                new Row("edx.course.enrollment.mode_changed", "\"mode\": \"professional\"",
                        verb("http://adlnet.gov/expapi/verbs/registered", "registered"), COURSE_ACTIVITY, null,
                        "\"https://w3id.org/xapi/openedx/extensions/enrollment-mode\": \"professional\""),
                new Row("edx.grades.subsection.grade_calculated", """
                        "block_id": "%s", "weighted_total_earned": 3.0, "weighted_total_possible": 4.0,
                        "weighted_graded_earned": 3.0, "weighted_graded_possible": 4.0""".formatted(SUBSECTION),
                        verb("http://id.tincanapi.com/verb/earned", "earned"),
                        block(SUBSECTION, "http://adlnet.gov/expapi/activities/module"),
                        "{\"score\": {\"raw\": 3.0, \"max\": 4.0, \"scaled\": 0.75}}", null),
                new Row("edx.course.grade.passed.first_time", null,
                        verb("http://adlnet.gov/expapi/verbs/passed", "passed"), COURSE_ACTIVITY,
                        "{\"success\": true}", null),
                new Row("edx.course.grade.now_passed", null,
                        verb("http://adlnet.gov/expapi/verbs/passed", "passed"), COURSE_ACTIVITY,
                        "{\"success\": true}", null),
                new Row("edx.course.grade.now_failed", null,
                        verb("http://adlnet.gov/expapi/verbs/failed", "failed"), COURSE_ACTIVITY,
                        "{\"success\": false}", null),
                new Row("edx.certificate.created", """
                        "certificate_id": "c0ffee", "certificate_url": "http://lms.example.com/certificates/c0ffee",
                        "enrollment_mode": "verified", "generation_mode": "batch\"""",
                        verb("http://id.tincanapi.com/verb/earned", "earned"), """
                        {"objectType": "Activity", "id": "http://lms.example.com/certificates/c0ffee",
                         "definition": {"type": "http://www.tincanapi.co.uk/activitytypes/certificate"}}""", null,
                        "\"https://w3id.org/xapi/openedx/extensions/enrollment-mode\": \"verified\""),
                new Row("edx.certificate.revoked", "\"certificate_id\": \"c0ffee\", \"enrollment_mode\": \"verified\"",
                        verb("http://activitystrea.ms/schema/1.0/remove", "removed"), """
                        {"objectType": "Activity", "id": "http://lms.example.com/certificates/c0ffee",
                         "definition": {"type": "http://www.tincanapi.co.uk/activitytypes/certificate"}}""", null,
                        "\"https://w3id.org/xapi/openedx/extensions/enrollment-mode\": \"verified\"")));
        for (String level : List.of("course", "chapter", "sequential", "vertical")) {
            String block = "block-v1:edX+DemoX+2026+type@" + level + "+block@" + level + "1";
            rows.add(new Row("edx.completion_aggregator.progress." + level,
                    "\"block_id\": \"" + block + "\", \"percent\": 0.5",
                    verb("http://adlnet.gov/expapi/verbs/progressed", "progressed"),
                    block(block, "http://adlnet.gov/expapi/activities/module"),
                    "{\"extensions\": {\"https://w3id.org/xapi/cmi5/result/extensions/progress\": 50}}", null));
        }
        for (String type : List.of("proctored", "timed", "practice", "onboarding")) {
            String data = """
                    "block_id": "%s", "attempt_id": 7, "attempt_status": "%%s", "exam_type": "%s\"""".formatted(EXAM,
                    type);
            String exam = block(EXAM, "http://adlnet.gov/expapi/activities/assessment");
            String prefix = "edx.special_exam." + type + ".attempt.";
            rows.add(new Row(prefix + "started", data.formatted("started"),
                    verb("http://adlnet.gov/expapi/verbs/attempted", "attempted"), exam, null, null));
            rows.add(new Row(prefix + "submitted", data.formatted("submitted"),
                    verb("http://adlnet.gov/expapi/verbs/completed", "completed"), exam, null, null));
            rows.add(new Row(prefix + "verified", data.formatted("verified"),
                    verb("http://id.tincanapi.com/verb/reviewed", "reviewed"), exam, "{\"success\": true}", null));
            rows.add(new Row(prefix + "rejected", data.formatted("rejected"),
                    verb("http://id.tincanapi.com/verb/reviewed", "reviewed"), exam, "{\"success\": false}", null));
            rows.add(new Row(prefix + "error", data.formatted("error"),
                    verb("http://adlnet.gov/expapi/verbs/terminated", "terminated"), exam, null, null));
            rows.add(new Row(prefix + "deleted", data.formatted("deleted"),
                    verb("http://activitystrea.ms/schema/1.0/remove", "removed"), exam, null, null));
        }
        rows.add(new Row("edx.course.published", null,
                verb("http://activitystrea.ms/schema/1.0/update", "updated"), COURSE_ACTIVITY, null, null));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void each_tracking_name_becomes_the_statement_written_by_hand(Row row) {
        String data = "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\""
                + (row.data() == null ? "" : ", " + row.data()) + "}";
        Statement statement = xapi.transform(log(row.name(), data), STORED).orElseThrow();

        String objectId = JSON.readTree(row.object()).get("id").asString();
        UUID id = NameBasedUuid.of(STATEMENT_NAMESPACE, row.name() + "|" + TIMESTAMP + "|42|" + objectId);
        String expected = """
                {"id": "%s",
                 "version": "1.0.3",
                 "actor": {"objectType": "Agent",
                           "account": {"homePage": "http://lms.example.com", "name": "%s"}},
                 "verb": %s,
                 "object": %s,
                 %s
                 "context": {
                     "registration": "%s",
                     "contextActivities": {"parent": [%s]},
                     "extensions": {
                         "https://w3id.org/xapi/openedx/extension/transformer-version": "insights-service@1.0",
                         "https://w3id.org/xapi/openedx/extensions/tracking-log": "%s"%s}},
                 "timestamp": "2026-06-01T10:00:00.123456+00:00",
                 "stored": "2026-06-01T10:00:05.000000+00:00"}
                """.formatted(id, ANONYMOUS_42, row.verb(), row.object(),
                row.result() == null ? "" : "\"result\": " + row.result() + ",", REGISTRATION, COURSE_ACTIVITY,
                row.name(), row.extensions() == null ? "" : ", " + row.extensions());
        assertSameJson(statement.json(), expected);
        assertThat(statement.id()).isEqualTo(id);
        assertThat(statement.actor()).isEqualTo(ANONYMOUS_42);
        assertThat(statement.courseKey()).isEqualTo(COURSE);
        assertThat(statement.objectId()).isEqualTo(objectId);
    }

    @Test
    void the_statement_ids_are_python_s_uuid5_of_name_time_user_and_object() {
        assertThat(NameBasedUuid.of(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        Statement statement = xapi.transform(log("edx.course.enrollment.activated",
                "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\", \"mode\": \"audit\"}"), STORED).orElseThrow();
        // uuid5(STATEMENT_NAMESPACE, "edx.course.enrollment.activated|<timestamp>|42|<course activity id>")
        assertThat(statement.id()).hasToString("7ce05928-0a49-56b4-96ea-e8500988d919");
    }

    @Test
    void the_same_log_with_its_time_written_otherwise_is_the_same_statement() {
        String data = "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\", \"mode\": \"audit\"}";
        Statement plus = xapi.transform(log("edx.course.enrollment.activated", data), STORED).orElseThrow();
        Statement zulu = xapi.transform(new TrackingLogData("edx.course.enrollment.activated",
                "2026-06-01T10:00:00.123456Z", data, "{}"), STORED.plusSeconds(60)).orElseThrow();
        assertThat(zulu.id()).isEqualTo(plus.id());
    }

    @Test
    void a_course_published_by_someone_the_cms_does_not_name_is_the_cms_s_statement_without_registration() {
        Statement statement = xapi.transform(log("edx.course.published", "{\"course_id\": \"" + COURSE + "\"}"),
                STORED).orElseThrow();
        assertThat(statement.actor()).isEqualTo("cms");
        assertThat(statement.byLearner()).isFalse();
        assertThat(statement.json().path("context").has("registration")).isFalse();
        assertThat(statement.fact()).isNull();
    }

    @Test
    void names_it_does_not_map_give_no_statement() {
        assertThat(xapi.transform(log("problem_check", "not even json"), STORED)).isEmpty();
        assertThat(xapi.transform(log("edx.special_exam.proctored.attempt.paused",
                "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\"}"), STORED)).isEmpty();
    }

    @Test
    void a_known_name_whose_data_breaks_the_mapping_is_poison_naming_the_field() {
        assertPoison("edx.course.enrollment.activated", "{\"user_id\": 42, ", "data is not JSON");
        assertPoison("edx.course.enrollment.activated", "[42]", "data is not a JSON object");
        assertPoison("edx.course.enrollment.activated", "{\"course_id\": \"" + COURSE + "\", \"mode\": \"audit\"}",
                "data.user_id is missing");
        assertPoison("edx.course.enrollment.activated", "{\"user_id\": \"ada\", \"course_id\": \"" + COURSE + "\"}",
                "data.user_id must be a user id");
        assertPoison("edx.course.enrollment.activated", "{\"user_id\": 42, \"mode\": \"audit\"}",
                "data.course_id is missing");
        assertPoison("edx.course.grade.now_passed", "{\"user_id\": 42, \"course_id\": \"DemoX\"}",
                "data.course_id must be a course key");
        assertPoison("edx.course.enrollment.activated", "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\"}",
                "data.mode is missing");
        assertPoison("edx.grades.subsection.grade_calculated", "{\"user_id\": 42, \"course_id\": \"" + COURSE
                + "\", \"weighted_total_earned\": 1, \"weighted_total_possible\": 2}", "data.block_id is missing");
        assertPoison("edx.grades.subsection.grade_calculated", "{\"user_id\": 42, \"course_id\": \"" + COURSE
                + "\", \"block_id\": \"block-v1:other+X+1+type@sequential+block@s\", \"weighted_total_earned\": 1, "
                + "\"weighted_total_possible\": 2}", "data.block_id must be a usage key of a block of " + COURSE);
        assertPoison("edx.grades.subsection.grade_calculated", "{\"user_id\": 42, \"course_id\": \"" + COURSE
                + "\", \"block_id\": \"" + SUBSECTION + "\", \"weighted_total_earned\": \"1\", "
                + "\"weighted_total_possible\": 2}", "data.weighted_total_earned must be a number");
        assertPoison("edx.certificate.created", "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\"}",
                "data.certificate_id is missing");
        assertPoison("edx.completion_aggregator.progress.vertical", "{\"user_id\": 42, \"course_id\": \"" + COURSE
                + "\", \"block_id\": \"" + SUBSECTION + "\", \"percent\": 1.5}", "data.percent must be between 0 and 1");
        assertThatThrownBy(() -> xapi.transform(new TrackingLogData("edx.course.grade.now_passed", "yesterday",
                "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\"}", "{}"), STORED))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> xapi.transform(new TrackingLogData("edx.course.grade.now_passed", TIMESTAMP,
                "{\"user_id\": 42, \"course_id\": \"" + COURSE + "\"}", "{"), STORED))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("context is not JSON");
    }

    private void assertPoison(String name, String data, String message) {
        assertThatThrownBy(() -> xapi.transform(log(name, data), STORED))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(message);
    }

    private static TrackingLogData log(String name, String data) {
        return new TrackingLogData(name, TIMESTAMP, data,
                "{\"course_id\": \"" + COURSE + "\", \"org_id\": \"edX\", \"user_id\": 42}");
    }

    private static String verb(String id, String display) {
        return "{\"id\": \"" + id + "\", \"display\": {\"en-US\": \"" + display + "\"}}";
    }

    private static String block(String usageKey, String type) {
        return "{\"objectType\": \"Activity\", \"id\": \"http://lms.example.com/xblock/" + usageKey
                + "\", \"definition\": {\"type\": \"" + type + "\"}}";
    }

    /** Same JSON: same members and values, numbers compared by value (3.0 is 3), member order aside. */
    private static void assertSameJson(JsonNode actual, String expected) {
        JsonNode wanted = JSON.readTree(expected);
        boolean same = actual.equals((a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, wanted);
        assertThat(same).as("statement\n%s\nexpected\n%s", actual.toPrettyString(), wanted.toPrettyString()).isTrue();
    }
}
