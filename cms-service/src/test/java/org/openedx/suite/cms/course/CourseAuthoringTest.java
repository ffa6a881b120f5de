package org.openedx.suite.cms.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.cms.course.CmsClient.body;
import static org.openedx.suite.cms.course.CmsClient.course;
import static org.openedx.suite.cms.course.CmsClient.fullCourse;
import static org.openedx.suite.cms.course.CmsClient.instant;
import static org.openedx.suite.cms.course.CmsClient.minimalCourse;
import static org.openedx.suite.cms.course.CmsClient.newCourseKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

@CmsServiceTest
class CourseAuthoringTest {

    private final CmsClient cms;

    CourseAuthoringTest(CmsClient cms) {
        this.cms = cms;
    }

    @Test
    void a_new_course_gets_the_defaults_and_is_not_published() {
        String key = newCourseKey();

        JsonNode created = cms.create(minimalCourse(key));

        assertThat(created.get("course_key").asString()).isEqualTo(key);
        assertThat(created.get("name").asString()).isEqualTo("Demonstration Course");
        assertThat(instant(created.get("start"))).isEqualTo("2026-09-01T08:00:00Z");
        assertThat(created.get("end").isNull()).isTrue();
        assertThat(created.get("enrollment_start").isNull()).isTrue();
        assertThat(created.get("enrollment_end").isNull()).isTrue();
        assertThat(created.get("pacing").asString()).isEqualTo("instructor");
        assertThat(created.get("catalog_visibility").asString()).isEqualTo("both");
        assertThat(created.get("invitation_only").asBoolean()).isFalse();
        assertThat(created.get("edited_at").asString()).isEqualTo(created.get("created_at").asString());
        assertThat(created.get("published_at").isNull()).isTrue();
        assertThat(created.get("publish_count").asInt()).isZero();
        assertThat(cms.read(key)).isEqualTo(created);
        assertThat(cms.pendingEventsOf(key)).isZero();
        assertThat(cms.catalogEventsOf(key)).isEmpty();
    }

    @Test
    void a_course_is_created_with_every_field_and_dates_in_any_offset() {
        String key = newCourseKey();
        Map<String, Object> body = fullCourse(key);
        body.put("start", "2026-09-01T10:00:00+02:00");

        cms.post("/api/courses", body).expectStatus().isCreated()
                .expectHeader().location("/api/courses/" + key)
                .expectBody()
                .jsonPath("$.start").isEqualTo("2026-09-01T08:00:00Z")
                .jsonPath("$.end").isEqualTo("2026-12-20T17:00:00Z")
                .jsonPath("$.enrollment_start").isEqualTo("2026-06-01T00:00:00Z")
                .jsonPath("$.enrollment_end").isEqualTo("2026-09-15T00:00:00Z")
                .jsonPath("$.pacing").isEqualTo("self")
                .jsonPath("$.catalog_visibility").isEqualTo("about")
                .jsonPath("$.invitation_only").isEqualTo(true);
    }

    @Test
    void a_course_key_is_taken_once_and_a_second_creation_changes_nothing() {
        String key = newCourseKey();
        JsonNode original = cms.create(minimalCourse(key));
        Map<String, Object> again = fullCourse(key);
        again.put("name", "Someone else's course");

        cms.post("/api/courses", again).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(key));

        assertThat(cms.read(key)).isEqualTo(original);
    }

    @Test
    void of_simultaneous_creations_of_one_course_exactly_one_succeeds_and_the_others_conflict() throws Exception {
        String key = newCourseKey();
        List<Callable<Integer>> authors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = minimalCourse(key);
            body.put("name", "Author " + i);
            authors.add(() -> cms.post("/api/courses", body).returnResult().getStatus().value());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> author : pool.invokeAll(authors)) {
                statuses.add(author.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(cms.read(key).get("name").asString()).startsWith("Author ");
    }

    @Test
    void an_edit_replaces_the_course_and_moves_its_edit_time_but_publishes_nothing() {
        String key = newCourseKey();
        JsonNode created = cms.create(fullCourse(key));

        JsonNode edited = cms.edit(key, Map.of("name", "Renamed", "start", "2026-10-01T08:00:00Z"));

        assertThat(edited.get("name").asString()).isEqualTo("Renamed");
        assertThat(instant(edited.get("start"))).isEqualTo("2026-10-01T08:00:00Z");
        // a PUT is the whole new state: what it leaves out goes back to the defaults
        assertThat(edited.get("end").isNull()).isTrue();
        assertThat(edited.get("pacing").asString()).isEqualTo("instructor");
        assertThat(edited.get("catalog_visibility").asString()).isEqualTo("both");
        assertThat(edited.get("invitation_only").asBoolean()).isFalse();
        assertThat(edited.get("created_at")).isEqualTo(created.get("created_at"));
        assertThat(instant(edited.get("edited_at"))).isAfter(instant(created.get("edited_at")));
        assertThat(edited.get("published_at").isNull()).isTrue();
        assertThat(cms.read(key)).isEqualTo(edited);
        assertThat(cms.pendingEventsOf(key)).isZero();
        assertThat(cms.catalogEventsOf(key)).isEmpty();
    }

    @Test
    void an_unknown_course_cannot_be_read_edited_or_published_and_is_not_created_by_trying() {
        String key = newCourseKey();

        cms.get(course(key)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        cms.put(course(key), Map.of("name", "Ghost", "start", "2026-09-01T08:00:00Z")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        cms.post(course(key) + "/publish", "").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        cms.get(course(key)).expectStatus().isNotFound();
        assertThat(cms.pendingEventsOf(key)).isZero();
        assertThat(cms.catalogEventsOf(key)).isEmpty();
    }

    @Test
    void courses_are_listed_a_page_at_a_time_in_key_order() {
        for (int i = 0; i < 3; i++) {
            cms.create(minimalCourse(newCourseKey()));
        }
        int total = cms.storedCourses();

        JsonNode first = body(cms.get("/api/courses?page=1&size=2").expectStatus().isOk());
        JsonNode second = body(cms.get("/api/courses?page=2&size=2").expectStatus().isOk());

        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(total);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        List<String> keys = new ArrayList<>();
        first.get("items").forEach(item -> keys.add(item.get("course_key").asString()));
        second.get("items").forEach(item -> keys.add(item.get("course_key").asString()));
        assertThat(keys).doesNotHaveDuplicates().isSorted();

        JsonNode defaults = body(cms.get("/api/courses").expectStatus().isOk());
        assertThat(defaults.get("page").asInt()).isEqualTo(1);
        assertThat(defaults.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void a_page_outside_the_allowed_range_is_refused_naming_the_parameter() {
        cms.get("/api/courses?page=0").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        cms.get("/api/courses?size=101").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        cms.get("/api/courses?size=many").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void the_service_describes_its_api_in_snake_case_and_reports_its_health() {
        cms.get("/v3/api-docs").expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/courses']").exists()
                .jsonPath("$.paths['/api/courses/{course_key}']").exists()
                .jsonPath("$.paths['/api/courses/{course_key}/publish']").exists()
                .jsonPath("$.components.schemas.Course.properties.course_key").exists()
                .jsonPath("$.components.schemas.Course.properties.catalog_visibility.enum")
                .value(values -> assertThat(values.toString()).contains("both", "about", "none"))
                .jsonPath("$.components.schemas.Page.properties.items").exists()
                .jsonPath("$.components.schemas.Page.properties.total").exists();
        cms.get("/swagger-ui/index.html").expectStatus().isOk();
        cms.get("/actuator/health").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void only_the_operator_reads_and_replays_dead_letters_and_health_details() {
        cms.checkOperatorEndpointsGuarded();
    }
}
