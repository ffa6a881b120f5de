package org.openedx.suite.cms.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.cms.course.CmsClient.body;
import static org.openedx.suite.cms.course.CmsClient.course;
import static org.openedx.suite.cms.course.CmsClient.fullCourse;
import static org.openedx.suite.cms.course.CmsClient.minimalCourse;
import static org.openedx.suite.cms.course.CmsClient.newCourseKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openedx.suite.cms.CmsServiceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** A refused request answers 400 problem+json naming the field, and changes and publishes nothing. */
@CmsServiceTest
class CourseValidationTest {

    private final CmsClient cms;

    CourseValidationTest(CmsClient cms) {
        this.cms = cms;
    }

    static Stream<Arguments> invalidNewCourses() {
        return Stream.of(
                newCourse("a malformed course key", "course_key", b -> b.put("course_key", "edX/DemoX/2026")),
                newCourse("a course key without a run", "course_key", b -> b.put("course_key", "course-v1:edX+DemoX")),
                newCourse("a course key longer than 255", "course_key",
                        b -> b.put("course_key", "course-v1:edX+DemoX+" + "R".repeat(240))),
                newCourse("no course key", "course_key", b -> b.remove("course_key")),
                newCourse("no name", "name", b -> b.remove("name")),
                newCourse("a blank name", "name", b -> b.put("name", "   ")),
                newCourse("a name longer than 255", "name", b -> b.put("name", "N".repeat(256))),
                newCourse("a name that is not text", "name", b -> b.put("name", Map.of("en", "Demo"))),
                newCourse("a name that is a number", "name", b -> b.put("name", 42)),
                newCourse("no start", "start", b -> b.remove("start")),
                newCourse("a start that is not a date", "start", b -> b.put("start", "next monday")),
                newCourse("a start without an offset", "start", b -> b.put("start", "2026-09-01T08:00:00")),
                newCourse("an end before the start", "end", b -> b.put("end", "2026-08-31T08:00:00Z")),
                newCourse("an end equal to the start", "end", b -> b.put("end", b.get("start"))),
                newCourse("an enrollment end before the enrollment start", "enrollment_end",
                        b -> b.put("enrollment_end", "2026-05-31T00:00:00Z")),
                newCourse("an unknown pacing", "pacing", b -> b.put("pacing", "sometimes")),
                newCourse("an unknown catalog visibility", "catalog_visibility",
                        b -> b.put("catalog_visibility", "everywhere")),
                newCourse("an invitation_only that is not a boolean", "invitation_only",
                        b -> b.put("invitation_only", "maybe")),
                newCourse("a field the API does not have", "end_date", b -> b.put("end_date", "2026-12-20T17:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNewCourses")
    void a_course_with_invalid_fields_is_not_created(String why, String field, Map<String, Object> body) {
        int coursesBefore = cms.storedCourses();

        refused(cms.post("/api/courses", body), field);

        assertThat(cms.storedCourses()).isEqualTo(coursesBefore);
        if (body.get("course_key") instanceof String key) {
            assertNothingPublished(key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"course_key\": \"course-v1:edX+Broken+2026\", \"name\": ", "not json at all", "[]"})
    void a_body_that_is_not_a_json_object_is_refused(String text) {
        int coursesBefore = cms.storedCourses();

        refused(cms.post("/api/courses", text), null);

        assertThat(cms.storedCourses()).isEqualTo(coursesBefore);
        cms.get(course("course-v1:edX+Broken+2026")).expectStatus().isNotFound();
    }

    static Stream<Arguments> invalidEdits() {
        return Stream.of(
                edit("no name", "name", b -> b.remove("name")),
                edit("a blank name", "name", b -> b.put("name", "")),
                edit("a name longer than 255", "name", b -> b.put("name", "N".repeat(256))),
                edit("no start", "start", b -> b.remove("start")),
                edit("a start that is not a date", "start", b -> b.put("start", true)),
                edit("a course key: the path names the course", "course_key",
                        b -> b.put("course_key", "course-v1:edX+Other+2026")),
                edit("an end before the start", "end", b -> b.put("end", "2026-01-01T00:00:00Z")),
                edit("an enrollment end before the enrollment start", "enrollment_end",
                        b -> b.put("enrollment_end", "2026-01-01T00:00:00Z")),
                edit("an unknown pacing", "pacing", b -> b.put("pacing", "SELF")),
                edit("an unknown catalog visibility", "catalog_visibility", b -> b.put("catalog_visibility", "")),
                edit("an invitation_only that is not a boolean", "invitation_only",
                        b -> b.put("invitation_only", List.of(true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEdits")
    void an_invalid_edit_leaves_the_course_as_it_was(String why, String field, Map<String, Object> body) {
        String key = newCourseKey();
        JsonNode before = cms.create(fullCourse(key));

        refused(cms.put(course(key), body), field);

        assertThat(cms.read(key)).isEqualTo(before);
        assertNothingPublished(key);
    }

    @Test
    void an_edit_that_is_not_json_leaves_the_course_as_it_was() {
        String key = newCourseKey();
        JsonNode before = cms.create(minimalCourse(key));

        refused(cms.put(course(key), "{\"name\": \"Half"), null);

        assertThat(cms.read(key)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "course-v1:edX+DemoX", "edX+DemoX+2026", "course-v1:edX+Demo X+2026", "ccx-v1:edX+DemoX+2026"})
    void a_malformed_course_key_in_the_path_is_refused_everywhere(String malformed) {
        refused(cms.get(course(malformed)), "course_key");
        refused(cms.put(course(malformed), Map.of("name", "Demo", "start", "2026-09-01T08:00:00Z")), "course_key");
        refused(cms.post(course(malformed) + "/publish", ""), "course_key");
        assertNothingPublished(malformed);
    }

    /** 400 problem+json whose detail names the field and whose errors list it; field null: the body as a whole. */
    private static void refused(RestTestClient.ResponseSpec response, String field) {
        JsonNode problem = body(response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).isNotEmpty();
        if (field != null) {
            assertThat(fields).contains(field);
            assertThat(problem.get("detail").asString()).contains(field);
        }
    }

    private void assertNothingPublished(String courseKey) {
        assertThat(cms.pendingEventsOf(courseKey)).isZero();
        assertThat(cms.catalogEventsOf(courseKey)).isEmpty();
    }

    private static Arguments newCourse(String why, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = fullCourse(newCourseKey());
        change.accept(body);
        return Arguments.of(why, field, body);
    }

    private static Arguments edit(String why, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = fullCourse(null);
        body.remove("course_key");
        body.put("name", "Edited");
        change.accept(body);
        return Arguments.of(why, field, body);
    }
}
