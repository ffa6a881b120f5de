package org.openedx.suite.exams.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamsApi.newCourseKey;
import static org.openedx.suite.exams.ExamsApi.usageKeyIn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@ExamsServiceTest
class ExamApiTest {

    private final ExamsApi api;
    private final JdbcTemplate jdbc;

    ExamApiTest(ExamsApi api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Test
    void an_exam_is_created_on_a_subsection_of_its_course_and_can_be_read_back() {
        String courseKey = newCourseKey();
        String usageKey = usageKeyIn(courseKey, "midterm");

        JsonNode exam = ExamsApi.created(api.postExam("""
                {"course_key": "%s", "usage_key": "%s", "exam_type": "proctored", "name": "Midterm",
                 "time_limit_mins": 45}
                """.formatted(courseKey, usageKey)));

        assertThat(exam.get("id").asLong()).isPositive();
        assertThat(exam.get("course_key").asString()).isEqualTo(courseKey);
        assertThat(exam.get("usage_key").asString()).isEqualTo(usageKey);
        assertThat(exam.get("exam_type").asString()).isEqualTo("proctored");
        assertThat(exam.get("name").asString()).isEqualTo("Midterm");
        assertThat(exam.get("time_limit_mins").asInt()).isEqualTo(45);
        assertThat(OffsetDateTime.parse(exam.get("created").asString()).toInstant()).isBefore(Instant.now());
        assertThat(ExamsApi.ok(api.getExam(exam.get("id").asLong()))).isEqualTo(exam);
    }

    @Test
    void every_exam_type_can_be_created() {
        String courseKey = newCourseKey();
        for (String type : List.of("proctored", "timed", "practice", "onboarding")) {
            JsonNode exam = api.createExam(courseKey, usageKeyIn(courseKey, type), type);

            assertThat(exam.get("exam_type").asString()).isEqualTo(type);
        }
    }

    @Test
    void exams_are_listed_by_course() {
        String courseKey = newCourseKey();
        JsonNode first = api.createExam(courseKey, usageKeyIn(courseKey, "first"), "timed");
        JsonNode second = api.createExam(courseKey, usageKeyIn(courseKey, "second"), "practice");
        String otherCourse = newCourseKey();
        api.createExam(otherCourse, usageKeyIn(otherCourse, "first"), "timed");

        assertThat(api.examsOf(courseKey)).containsExactly(first, second);
    }

    @Test
    void a_subsection_has_at_most_one_exam() {
        String courseKey = newCourseKey();
        String usageKey = usageKeyIn(courseKey, "final");
        JsonNode exam = api.createExam(courseKey, usageKey, "proctored");

        JsonNode problem = ExamsApi.problem(api.postExam("""
                {"course_key": "%s", "usage_key": "%s", "exam_type": "timed", "name": "Again", "time_limit_mins": 30}
                """.formatted(courseKey, usageKey)), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains("usage_key", usageKey);
        assertThat(api.examsOf(courseKey)).containsExactly(exam);
    }

    @Test
    void an_unknown_exam_is_not_found() {
        JsonNode problem = ExamsApi.problem(api.getExam(Long.MAX_VALUE), HttpStatus.NOT_FOUND);

        assertThat(problem.get("detail").asString()).contains(String.valueOf(Long.MAX_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExams")
    void an_invalid_exam_is_refused_naming_the_field_and_nothing_is_stored(String why, String json, String field) {
        int examsBefore = examCount();

        JsonNode problem = ExamsApi.problem(api.postExam(json), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").asString()).contains(field);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly(field);
        assertThat(examCount()).isEqualTo(examsBefore);
    }

    @Test
    void listing_by_a_malformed_course_key_is_refused() {
        JsonNode problem = ExamsApi.problem(api.get("/api/exams?course_key=edX-DemoX"), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").asString()).contains("course_key");
    }

    @Test
    void an_exam_id_that_is_not_a_number_is_refused() {
        JsonNode problem = ExamsApi.problem(api.get("/api/exams/final"), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").asString()).contains("exam_id");
    }

    static Stream<Arguments> invalidExams() {
        String course = "course-v1:edX+DemoX+2026";
        String usage = "block-v1:edX+DemoX+2026+type@sequential+block@final";
        return Stream.of(
                invalid("a malformed course key", exam("edX/DemoX/2026", usage, "\"proctored\"", "60"), "course_key"),
                invalid("a missing course key", exam(null, usage, "\"proctored\"", "60"), "course_key"),
                invalid("a malformed usage key", exam(course, "block-v1:edX+DemoX", "\"proctored\"", "60"),
                        "usage_key"),
                invalid("a missing usage key", exam(course, null, "\"proctored\"", "60"), "usage_key"),
                invalid("a usage key of another course",
                        exam(course, "block-v1:edX+Other+2026+type@sequential+block@final", "\"proctored\"", "60"),
                        "usage_key"),
                invalid("a usage key of another run of the course",
                        exam(course, "block-v1:edX+DemoX+2027+type@sequential+block@final", "\"proctored\"", "60"),
                        "usage_key"),
                invalid("an unknown exam type", exam(course, usage, "\"oral\"", "60"), "exam_type"),
                invalid("an exam type in capitals", exam(course, usage, "\"PROCTORED\"", "60"), "exam_type"),
                invalid("an exam type given as a number", exam(course, usage, "1", "60"), "exam_type"),
                invalid("a missing exam type", exam(course, usage, null, "60"), "exam_type"),
                invalid("a time limit of zero", exam(course, usage, "\"timed\"", "0"), "time_limit_mins"),
                invalid("a negative time limit", exam(course, usage, "\"timed\"", "-5"), "time_limit_mins"),
                invalid("a time limit over a day", exam(course, usage, "\"timed\"", "1441"), "time_limit_mins"),
                invalid("a time limit given as text", exam(course, usage, "\"timed\"", "\"60\""), "time_limit_mins"),
                invalid("a fractional time limit", exam(course, usage, "\"timed\"", "60.5"), "time_limit_mins"),
                invalid("a missing time limit", exam(course, usage, "\"timed\"", null), "time_limit_mins"),
                invalid("a missing name", """
                        {"course_key": "%s", "usage_key": "%s", "exam_type": "timed", "time_limit_mins": 60}
                        """.formatted(course, usage), "name"),
                invalid("a blank name", """
                        {"course_key": "%s", "usage_key": "%s", "exam_type": "timed", "name": "  ",
                         "time_limit_mins": 60}""".formatted(course, usage), "name"),
                invalid("a name given as a number", """
                        {"course_key": "%s", "usage_key": "%s", "exam_type": "timed", "name": 42,
                         "time_limit_mins": 60}""".formatted(course, usage), "name"),
                invalid("a misspelt field", """
                        {"course_key": "%s", "usage_key": "%s", "exam_type": "timed", "name": "Final",
                         "time_limit": 60}""".formatted(course, usage), "time_limit"),
                invalid("broken JSON", "{\"course_key\": \"" + course + "\", ", "body"),
                invalid("an array instead of an object", "[]", "body"));
    }

    private static Arguments invalid(String why, String json, String field) {
        return Arguments.of(why, json, field);
    }

    /** An exam body; a null value leaves the field out, other values are JSON as they are. */
    private static String exam(String courseKey, String usageKey, String examType, String timeLimit) {
        StringBuilder json = new StringBuilder("{\"name\": \"Final\"");
        if (courseKey != null) {
            json.append(", \"course_key\": \"").append(courseKey).append('"');
        }
        if (usageKey != null) {
            json.append(", \"usage_key\": \"").append(usageKey).append('"');
        }
        if (examType != null) {
            json.append(", \"exam_type\": ").append(examType);
        }
        if (timeLimit != null) {
            json.append(", \"time_limit_mins\": ").append(timeLimit);
        }
        return json.append('}').toString();
    }

    private int examCount() {
        return jdbc.queryForObject("SELECT count(*) FROM exam", Integer.class);
    }
}
