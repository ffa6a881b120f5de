package org.openedx.suite.cms.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.cms.course.CmsClient.course;
import static org.openedx.suite.cms.course.CmsClient.minimalCourse;
import static org.openedx.suite.cms.course.CmsClient.newCourseKey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may author in the CMS (ADR 7, {@code CmsAccess}): a run's staff edit and publish it and read its draft, in no
 * other run; creating runs and listing every draft take the operator or a client's {@code catalog:*} scope; a learner
 * does none of it. Each refusal is a 403 problem+json that changes nothing.
 */
@CmsServiceTest
class CourseAccessTest {

    private final CmsClient operator;

    CourseAccessTest(CmsClient cms) {
        this.operator = cms;
    }

    @Test
    void course_staff_edit_and_publish_their_run_and_no_other() {
        String theirs = newCourseKey();
        String other = newCourseKey();
        operator.create(minimalCourse(theirs));
        operator.create(minimalCourse(other));
        CmsClient staff = operator.as(TestIssuer.staffToken(41, "carol", theirs));

        staff.put(course(theirs), renamed(theirs, "Renamed by its staff")).expectStatus().isOk();
        staff.get(course(theirs)).expectStatus().isOk();
        staff.post(course(theirs) + "/publish", "").expectStatus().isAccepted();

        forbidden(staff.put(course(other), renamed(other, "Renamed by someone else's staff")));
        forbidden(staff.post(course(other) + "/publish", ""));
        forbidden(staff.get(course(other)));
        forbidden(staff.post("/api/courses", minimalCourse(newCourseKey())));
        forbidden(staff.get("/api/courses"));
        assertThat(operator.read(other).get("name").asString()).isEqualTo("Demonstration Course");
        assertThat(operator.pendingEventsOf(other)).isZero();
        assertThat(operator.catalogEventsOf(other)).isEmpty();
    }

    @Test
    void a_learner_authors_nothing_and_a_client_acts_within_its_scopes() {
        String key = newCourseKey();
        operator.create(minimalCourse(key));
        CmsClient learner = operator.as(TestIssuer.learnerToken(42, "ada"));
        CmsClient reader = operator.as(TestIssuer.clientToken("catalog-reader", "catalog:read"));
        CmsClient importer = operator.as(TestIssuer.clientToken("catalog-importer", "catalog:write"));

        forbidden(learner.get(course(key)));
        forbidden(learner.put(course(key), renamed(key, "Renamed by a learner")));
        reader.get(course(key)).expectStatus().isOk();
        reader.get("/api/courses").expectStatus().isOk();
        forbidden(reader.put(course(key), renamed(key, "Renamed by a reader")));
        String imported = newCourseKey();
        importer.post("/api/courses", minimalCourse(imported)).expectStatus().isCreated();
        importer.post(course(imported) + "/publish", "").expectStatus().isAccepted();
    }

    /** An edit's body: the fields a course must have, the name changed. */
    private static Map<String, Object> renamed(String courseKey, String name) {
        return Map.of("name", name, "start", "2026-10-01T08:00:00Z");
    }

    private static void forbidden(RestTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }
}
