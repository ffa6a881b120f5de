package org.openedx.suite.it.badinput;

import static org.openedx.suite.it.badinput.Field.optional;
import static org.openedx.suite.it.badinput.Field.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.it.badinput.Field.Kind;
import org.openedx.suite.runner.SuiteService;

/** cms-service: authoring and publishing courses. */
final class CmsRequests {

    private CmsRequests() {
    }

    static List<Endpoint> endpoints(Fixture fixture, Keys keys) {
        String course = "/api/courses/" + fixture.courseKey();
        Field[] details = {
                required("name", Kind.TEXT), required("start", Kind.DATETIME), optional("end", Kind.DATETIME),
                optional("enrollment_start", Kind.DATETIME), optional("enrollment_end", Kind.DATETIME),
                optional("pacing", Kind.ENUM), optional("catalog_visibility", Kind.ENUM),
                optional("invitation_only", Kind.BOOLEAN)};
        Field[] newCourse = new Field[details.length + 1];
        newCourse[0] = required("course_key", Kind.TEXT);
        System.arraycopy(details, 0, newCourse, 1, details.length);

        Endpoint create = Endpoint.of(SuiteService.CMS, "POST", "/api/courses", "/api/courses")
                .body(() -> newCourse(keys.courseKey()), newCourse)
                .courseKeysInBody("course_key")
                .set("course_key of 256 characters", "course_key", Keys.longCourseKey(256), 400, "course_key")
                .set("course_key of 10,000 characters", "course_key", Keys.longCourseKey(10_000), 400, "course_key")
                .set("course_key of an existing course", "course_key", fixture.courseKey(), 409, "course_key")
                .wrongMethod("PATCH")
                .wrongMethod("DELETE");
        detailRules(create);

        Endpoint edit = Endpoint.of(SuiteService.CMS, "PUT", "/api/courses/{course_key}", course)
                .body(CmsRequests::edit, details)
                .set("course_key in the body", "course_key", fixture.courseKey(), 400, "course_key")
                .courseKeysInPath(key -> "/api/courses/" + key)
                .pathCase("unknown course", "/api/courses/" + keys.courseKey(), 404, null)
                .pathCase("course key of 300 characters", "/api/courses/" + Keys.longCourseKey(300), 400, "course_key")
                .wrongMethod("PATCH");
        detailRules(edit);

        Endpoint publish = Endpoint.of(SuiteService.CMS, "POST", "/api/courses/{course_key}/publish",
                        course + "/publish")
                .courseKeysInPath(key -> "/api/courses/" + key + "/publish")
                .pathCase("unknown course", "/api/courses/" + keys.courseKey() + "/publish", 404, null)
                .pathCase("course key of 300 characters",
                        "/api/courses/" + Keys.longCourseKey(300) + "/publish", 400, "course_key")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");

        Endpoint get = Endpoint.of(SuiteService.CMS, "GET", "/api/courses/{course_key}", course)
                .courseKeysInPath(key -> "/api/courses/" + key)
                .pathCase("unknown course", "/api/courses/" + keys.courseKey(), 404, null)
                .pathCase("course key of 300 characters", "/api/courses/" + Keys.longCourseKey(300), 400, "course_key")
                .wrongMethod("DELETE");

        Endpoint list = Endpoint.of(SuiteService.CMS, "GET", "/api/courses", "/api/courses");
        pages(list);
        return List.of(create, edit, publish, get, list);
    }

    /** The rules on a course's details, the same on creation and edit. */
    private static void detailRules(Endpoint endpoint) {
        endpoint.set("name of 256 characters", "name", "n".repeat(256), 400, "name")
                .set("name of 10,000 characters", "name", "n".repeat(10_000), 400, "name")
                .set("name with a NUL character", "name", "Intro\u0000duction", 400, "name")
                .set("end equal to start", "end", "2026-09-01T00:00:00Z", 400, "end")
                .set("end before start", "end", "2025-01-01T00:00:00Z", 400, "end")
                .set("enrollment_end before enrollment_start", "enrollment_end", "2026-07-01T00:00:00Z", 400,
                        "enrollment_end")
                // without an end, which would otherwise be refused first for being before the start
                .bodyCase("start in the year 300000", body -> Endpoint.without(
                        Endpoint.with(body, "start", "+300000-01-01T00:00:00Z"), "end"), 400, "start")
                .set("start before the year -4713", "start", "-5000-01-01T00:00:00Z", 400, "start")
                .set("start with an offset of 25 hours", "start", "2026-09-01T00:00:00+25:00", 400, "start")
                .set("pacing as discovery spells it", "pacing", "self_paced", 400, "pacing")
                .set("pacing in upper case", "pacing", "SELF", 400, "pacing")
                .set("catalog_visibility hidden", "catalog_visibility", "hidden", 400, "catalog_visibility")
                .set("invitation_only as yes", "invitation_only", "yes", 400, "invitation_only");
    }

    static void pages(Endpoint list) {
        list.query("page 0", "page=0", 400, "page")
                .query("negative page", "page=-1", 400, "page")
                .query("non-numeric page", "page=abc", 400, "page")
                .query("fractional page", "page=1.5", 400, "page")
                .query("page beyond an int", "page=99999999999", 400, "page")
                .query("size 0", "size=0", 400, "size")
                .query("size 101", "size=101", 400, "size")
                .query("negative size", "size=-5", 400, "size")
                .query("non-numeric size", "size=all", 400, "size")
                .wrongMethod("DELETE")
                .wrongMethod("PATCH");
    }

    private static Map<String, Object> newCourse(String courseKey) {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("course_key", courseKey);
        course.putAll(edit());
        return course;
    }

    /** A valid edit that changes every detail of the fixture course, so an accepted one would show. */
    private static Map<String, Object> edit() {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("name", "Written by a request that should have been refused");
        course.put("start", "2026-09-01T00:00:00Z");
        course.put("end", "2027-06-30T00:00:00Z");
        course.put("enrollment_start", "2026-08-01T00:00:00Z");
        course.put("enrollment_end", "2026-09-15T00:00:00Z");
        course.put("pacing", "self");
        course.put("catalog_visibility", "about");
        course.put("invitation_only", true);
        return course;
    }
}
