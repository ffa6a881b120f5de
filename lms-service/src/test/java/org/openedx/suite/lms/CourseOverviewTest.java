package org.openedx.suite.lms;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.eventbus.EventBusProperties;
import org.openedx.suite.lms.Lms.Course;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The LMS keeps a course overview per run from the catalog's events, and its own grading policy beside it. */
@LmsServiceTest
class CourseOverviewTest {

    @Autowired EventBusProperties eventBus;
    @Autowired Lms lms;


    @Test
    void the_first_catalog_event_of_a_run_creates_its_overview() {
        String key = "course-v1:edX+O" + Lms.unique() + "+2026";
        Instant editedAt = Instant.parse("2026-02-01T10:15:30.123456Z");
        lms.announce(new CourseCatalogData(key, "Overview Course",
                new CourseScheduleData(Instant.parse("2026-03-01T09:00:00Z"), CourseScheduleData.SELF_PACED,
                        Instant.parse("2026-08-31T17:00:00Z"), Instant.parse("2026-02-15T00:00:00Z"), null),
                true, true), editedAt);

        lms.awaitCourse(key);
        lms.http.get().uri("/api/courses/{key}", key).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"course_key": "%s", "display_name": "Overview Course",
                         "start": "2026-03-01T09:00:00Z", "end": "2026-08-31T17:00:00Z",
                         "enrollment_start": "2026-02-15T00:00:00Z", "enrollment_end": null,
                         "pacing": "self", "hidden": true, "invitation_only": true,
                         "modified": "2026-02-01T10:15:30.123456Z",
                         "passing_grade": 0.5, "credit_course": false}""".formatted(key));
    }

    @Test
    void a_newer_catalog_event_updates_the_overview_and_an_older_one_is_ignored() {
        Course course = lms.newCourse("First Title");
        Instant now = Instant.now();
        lms.announce(new Course(course.key(), "Renamed", course.start(), course.end()), now.plusSeconds(60));
        await().atMost(Lms.EVENTUALLY).until(() -> displayName(course.key()).equals("Renamed"));

        lms.announce(new Course(course.key(), "Late Stale Title", course.start(), course.end()), now.plusSeconds(30));
        // consumed after the stale event: a run whose events share its partition
        String marker = lms.courseKeyOnSamePartitionAs(course.key(), eventBus.partitions());
        lms.announce(new Course(marker, "Marker", course.start(), course.end()), now);
        lms.awaitCourse(marker);

        lms.http.get().uri("/api/courses/{key}", course.key()).exchange()
                .expectBody().jsonPath("$.display_name").isEqualTo("Renamed");
    }

    @Test
    void keys_appear_in_paths_as_they_are() {
        Course course = lms.newCourse("Plain Path");

        lms.http.get().uri(URI.create(lms.baseUrl() + "/api/courses/" + course.key())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.course_key").isEqualTo(course.key());
    }

    @Test
    void a_run_the_catalog_has_not_announced_is_not_found() {
        lms.http.get().uri("/api/courses/{key}", "course-v1:edX+Unknown" + Lms.unique() + "+2026").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_malformed_course_key_is_refused_naming_the_field() {
        lms.http.get().uri("/api/courses/{key}", "DemoX-2026").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("course_key");
    }

    @Test
    void the_grading_policy_is_set_and_shown_with_the_overview() {
        Course course = lms.newCourse("Policy Course");

        lms.http.put().uri("/api/courses/{key}/grading-policy", course.key())
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"passing_grade": 0.75, "credit_course": true}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"course_key": "%s", "passing_grade": 0.75, "credit_course": true}""".formatted(course.key()));

        lms.http.get().uri("/api/courses/{key}", course.key()).exchange()
                .expectBody().json("""
                        {"display_name": "Policy Course", "passing_grade": 0.75, "credit_course": true}""");
    }

    @Test
    void a_grading_policy_without_fields_takes_the_defaults() {
        Course course = lms.newCourse("Default Policy");
        lms.gradingPolicy(course, "0.8", true);

        lms.http.put().uri("/api/courses/{key}/grading-policy", course.key())
                .contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"passing_grade": 0.5, "credit_course": false}""");
    }

    @Test
    void a_grading_policy_may_come_before_the_catalog_announces_the_run() {
        String key = "course-v1:edX+Early" + Lms.unique() + "+2026";
        lms.http.put().uri("/api/courses/{key}/grading-policy", key).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"passing_grade": 0.65}""")
                .exchange().expectStatus().isOk();

        lms.announce(new Course(key, "Early Policy", Instant.parse("2026-01-05T09:00:00Z"), null), Instant.now());
        lms.awaitCourse(key);

        lms.http.get().uri("/api/courses/{key}", key).exchange()
                .expectBody().json("""
                        {"display_name": "Early Policy", "passing_grade": 0.65, "end": null}""");
    }

    @Test
    void an_invalid_grading_policy_is_refused_naming_the_field_and_changes_nothing() {
        Course course = lms.newCourse("Invalid Policy");
        lms.gradingPolicy(course, "0.7", true);

        refusedPolicy(course.key(), "{\"passing_grade\": 1.5}", "passing_grade");
        refusedPolicy(course.key(), "{\"passing_grade\": -0.1}", "passing_grade");
        refusedPolicy(course.key(), "{\"passing_grade\": 0.555}", "passing_grade");
        refusedPolicy(course.key(), "{\"passing_grade\": \"half\"}", "passing_grade");
        refusedPolicy(course.key(), "{\"passing_grade\": 0.6, \"credit_course\": \"perhaps\"}", "credit_course");
        refusedPolicy(course.key(), "{\"passing_grade\": ", "body");
        refusedPolicy("course-v1:edX+Bad Key+2026", "{\"passing_grade\": 0.6}", "course_key");

        lms.http.get().uri("/api/courses/{key}", course.key()).exchange()
                .expectBody().json("""
                        {"passing_grade": 0.7, "credit_course": true}""");
    }

    private void refusedPolicy(String courseKey, String body, String field) {
        lms.http.put().uri("/api/courses/{key}/grading-policy", courseKey).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private String displayName(String courseKey) {
        return Lms.json(lms.http.get().uri("/api/courses/{key}", courseKey).exchange()
                .returnResult(String.class).getResponseBody()).get("display_name").asString();
    }
}
