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
        List<Endpoint> endpoints = new java.util.ArrayList<>(List.of(create, edit, publish, get, list));
        endpoints.addAll(content(fixture, keys));
        endpoints.add(reindex(SuiteService.CMS));
        return endpoints;
    }

    /** Issue 16: a course's blocks, their tags, the taxonomies, the content search. */
    private static List<Endpoint> content(Fixture fixture, Keys keys) {
        String course = "/api/courses/" + fixture.courseKey();
        String chapter = fixture.chapterUsageKey();
        String block = "/api/blocks/" + chapter;
        String unknownBlock = "/api/blocks/" + Keys.usageKey(fixture.courseKey(), "no_such_block");

        Endpoint add = Endpoint.of(SuiteService.CMS, "POST", "/api/courses/{course_key}/blocks", course + "/blocks")
                .body(() -> new LinkedHashMap<>(Map.of("block_type", "chapter", "display_name", "Refused chapter")),
                        // block_type first: the misspelt-field case renames the first field with an underscore
                        required("block_type", Kind.ENUM), required("display_name", Kind.TEXT),
                        optional("parent_usage_key", Kind.TEXT), optional("text", Kind.TEXT))
                .courseKeysInPath(key -> "/api/courses/" + key + "/blocks")
                .pathCase("unknown course", "/api/courses/" + keys.courseKey() + "/blocks", 404, null)
                .set("block_type in upper case", "block_type", "HTML", 400, "block_type")
                .set("display_name of 256 characters", "display_name", "n".repeat(256), 400, "display_name")
                .set("a chapter with a parent", "parent_usage_key", chapter, 400, "parent_usage_key")
                .set("parent_usage_key is a course key", "parent_usage_key", fixture.courseKey(), 400,
                        "parent_usage_key")
                .set("a chapter with text", "text", "Chapters have no text", 400, "text")
                .bodyCase("an html block directly under the course", body -> Endpoint.with(body, "block_type",
                        "html"), 400, "parent_usage_key")
                .bodyCase("a sequential under an unknown block", body -> Endpoint.with(Endpoint.with(body,
                        "block_type", "sequential"), "parent_usage_key", Keys.usageKey(fixture.courseKey(),
                        "nowhere")), 400, "parent_usage_key")
                .wrongMethod("PUT");

        Endpoint outline = Endpoint.of(SuiteService.CMS, "GET", "/api/courses/{course_key}/blocks",
                        course + "/blocks")
                .courseKeysInPath(key -> "/api/courses/" + key + "/blocks")
                .pathCase("unknown course", "/api/courses/" + keys.courseKey() + "/blocks", 404, null);

        Endpoint read = usageKeysInPath(Endpoint.of(SuiteService.CMS, "GET", "/api/blocks/{usage_key}", block),
                "", unknownBlock).wrongMethod("PATCH");

        // the body first: the path cases send it
        Endpoint edit = usageKeysInPath(Endpoint.of(SuiteService.CMS, "PUT", "/api/blocks/{usage_key}", block)
                .body(() -> new LinkedHashMap<>(Map.of("display_name", "Renamed by a refused request")),
                        required("display_name", Kind.TEXT), optional("text", Kind.TEXT),
                        optional("parent_usage_key", Kind.TEXT)), "", unknownBlock)
                .set("display_name of 256 characters", "display_name", "n".repeat(256), 400, "display_name")
                .set("text on a chapter", "text", "Chapters have no text", 400, "text")
                .set("a chapter moved under itself", "parent_usage_key", chapter, 400, "parent_usage_key")
                .set("parent_usage_key is a course key", "parent_usage_key", fixture.courseKey(), 400,
                        "parent_usage_key");

        Endpoint delete = usageKeysInPath(Endpoint.of(SuiteService.CMS, "DELETE", "/api/blocks/{usage_key}",
                unknownBlock), "", unknownBlock);
        Endpoint duplicate = usageKeysInPath(Endpoint.of(SuiteService.CMS, "POST",
                "/api/blocks/{usage_key}/duplicate", unknownBlock + "/duplicate"), "/duplicate", unknownBlock)
                .wrongMethod("GET");
        Endpoint publish = usageKeysInPath(Endpoint.of(SuiteService.CMS, "POST", "/api/blocks/{usage_key}/publish",
                unknownBlock + "/publish"), "/publish", unknownBlock)
                .wrongMethod("GET");

        Endpoint tags = usageKeysInPath(Endpoint.of(SuiteService.CMS, "GET", "/api/blocks/{usage_key}/tags",
                block + "/tags"), "/tags", unknownBlock).wrongMethod("PUT");
        Endpoint tag = usageKeysInPath(Endpoint.of(SuiteService.CMS, "POST", "/api/blocks/{usage_key}/tags",
                        block + "/tags")
                .body(() -> new LinkedHashMap<>(Map.of("taxonomy", "Language", "value", "de")),
                        required("taxonomy", Kind.TEXT), required("value", Kind.TEXT)), "/tags", unknownBlock)
                .set("a Language that is no ISO 639-1 code", "value", "english", 400, "value")
                .set("an unknown taxonomy", "taxonomy", "NoSuchTaxonomy", 400, "taxonomy")
                .set("taxonomy of 65 characters", "taxonomy", "t".repeat(65), 400, "taxonomy")
                .set("value of 256 characters", "value", "v".repeat(256), 400, "value");
        Endpoint untag = usageKeysInPath(Endpoint.of(SuiteService.CMS, "DELETE",
                        "/api/blocks/{usage_key}/tags/{taxonomy}/{value}", unknownBlock + "/tags/Language/fr"),
                "/tags/Language/fr", unknownBlock)
                .pathCase("taxonomy of 65 characters", block + "/tags/" + "t".repeat(65) + "/fr", 400, "taxonomy")
                .pathCase("value of 256 characters", block + "/tags/Language/" + "v".repeat(256), 400, "value");

        Endpoint taxonomies = Endpoint.of(SuiteService.CMS, "GET", "/api/taxonomies", "/api/taxonomies")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");
        Endpoint newTaxonomy = Endpoint.of(SuiteService.CMS, "POST", "/api/taxonomies", "/api/taxonomies")
                .body(() -> new LinkedHashMap<>(Map.of("name", "Refused:taxonomy", "values", List.of("a"))),
                        required("name", Kind.TEXT), required("values", Kind.LIST))
                .set("a name with a colon", "name", "Level:1", 400, "name")
                .set("the name of an existing taxonomy", "name", "Language", 409, "name")
                .set("name of 65 characters", "name", "n".repeat(65), 400, "name")
                .set("no values", "values", List.of(), 400, "values")
                .set("a blank value", "values", List.of("  "), 400, "values")
                .set("a null value", "values", java.util.Arrays.asList("a", null), 400, "values")
                .set("a value of 256 characters", "values", List.of("v".repeat(256)), 400, "values");

        Endpoint search = Endpoint.of(SuiteService.CMS, "GET", "/api/courses/{course_key}/search",
                        course + "/search")
                .courseKeysInPath(key -> "/api/courses/" + key + "/search")
                .query("q of 256 characters", "q=" + "q".repeat(256), 400, "q")
                .query("a tag without its taxonomy", "tags=fr", 400, "tags")
                .query("a tag with an empty value", "tags=Language:", 400, "tags")
                .query("21 tags", "tags=" + String.join("&tags=", java.util.Collections.nCopies(21, "Language:fr")),
                        400, "tags")
                .query("page 1001", "page=1001", 400, "page");
        pages(search);
        return List.of(add, outline, read, edit, delete, duplicate, publish, tags, tag, untag, taxonomies,
                newTaxonomy, search);
    }

    /** Malformed usage keys in the path, and one of no block: {@code tail} follows the key. */
    private static Endpoint usageKeysInPath(Endpoint endpoint, String tail, String unknownBlock) {
        return endpoint
                .pathCase("unknown block", unknownBlock + tail, 404, null)
                .pathCase("usage key with two parts", "/api/blocks/block-v1:edX+DemoX" + tail, 400, "usage_key")
                .pathCase("course key in the usage-key slot", "/api/blocks/course-v1:edX+DemoX+2026" + tail, 400,
                        "usage_key")
                .pathCase("usage key of 300 characters", "/api/blocks/block-v1:edX+DemoX+2026+type@html+block@"
                        + "b".repeat(260) + tail, 400, "usage_key");
    }

    /** The operator's full reindex of a service's search indexes (search-support). */
    static Endpoint reindex(SuiteService service) {
        return Endpoint.of(service, "POST", "/api/search/reindex", "/api/search/reindex")
                .query("force as maybe", "force=maybe", 400, "force")
                .query("force as a number", "force=2", 400, "force")
                .wrongMethod("GET");
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
