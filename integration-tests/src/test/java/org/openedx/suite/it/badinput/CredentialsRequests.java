package org.openedx.suite.it.badinput;

import static org.openedx.suite.it.badinput.Field.required;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.it.badinput.Field.Kind;
import org.openedx.suite.runner.SuiteService;

/** credentials-service: learners' credentials, read-only over REST. */
final class CredentialsRequests {

    private CredentialsRequests() {
    }

    static List<Endpoint> endpoints(Fixture fixture) {
        String learner = fixture.learner();
        Endpoint list = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/credentials", "/api/credentials")
                .pathCase("no username", "/api/credentials", 400, "username")
                .query("empty username", "username=", 400, "username")
                .query("blank username", "username=%20%20", 400, "username")
                .query("username with a NUL byte", "username=bad%00name", 400, "username")
                .query("course_key garbage", "username=" + learner + "&course_key=garbage", 400, "course_key")
                .query("course_key with two parts", "username=" + learner + "&course_key=course-v1:edX%2BDemo", 400,
                        "course_key")
                .query("course_key is a usage key", "username=" + learner
                        + "&course_key=block-v1:edX%2BDemoX%2B2026%2Btype@sequential%2Bblock@x", 400, "course_key")
                .query("course_key with non-ASCII letters", "username=" + learner + "&course_key="
                        + Keys.encode("course-v1:édX+Ω+2026"), 400, "course_key")
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        Endpoint one = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/credentials/{uuid}",
                        "/api/credentials/" + UUID.randomUUID())
                .pathCase("not a UUID", "/api/credentials/not-a-uuid", 400, "uuid")
                .pathCase("a number for a UUID", "/api/credentials/42", 400, "uuid")
                .pathCase("UUID with extra characters", "/api/credentials/" + UUID.randomUUID() + "0",
                        400, "uuid")
                .pathCase("UUID without hyphens", "/api/credentials/"
                        + UUID.randomUUID().toString().replace("-", ""), 400, "uuid")
                .pathCase("blank UUID", "/api/credentials/%20", 400, "uuid")
                .pathCase("UUID with a NUL byte", "/api/credentials/%00", 400, null)
                .pathCase("unknown UUID", "/api/credentials/" + UUID.randomUUID(), 404, null)
                .pathCase("nil UUID", "/api/credentials/00000000-0000-0000-0000-000000000000", 404, null)
                .wrongMethod("DELETE")
                .wrongMethod("PUT");

        Endpoint learnerRecord = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/learners/{username}",
                        "/api/learners/" + learner)
                .usernamesInPath(username -> "/api/learners/" + username)
                .wrongMethod("DELETE")
                .wrongMethod("POST");
        Endpoint createProgram = Endpoint.of(SuiteService.CREDENTIALS, "POST", "/api/programs", "/api/programs")
                .body(() -> new java.util.LinkedHashMap<>(Map.of("title", "Sweep program", "organization", "edX",
                                "type", "MicroMasters", "course_keys", List.of(fixture.courseKey()))),
                        required("title", Kind.TEXT), required("organization", Kind.TEXT), required("type", Kind.TEXT),
                        required("course_keys", Kind.LIST))
                .set("course_keys empty", "course_keys", List.of(), 400, "course_keys")
                .set("course_keys with a malformed key", "course_keys", List.of(fixture.courseKey(), "edX/Demo/2026"),
                        400, "course_keys[1]")
                .set("course_keys with a usage key", "course_keys",
                        List.of("block-v1:edX+DemoX+2026+type@sequential+block@x"), 400, "course_keys[0]")
                .set("organization with a space", "organization", "ed X", 400, "organization")
                .set("title of 256 characters", "title", "t".repeat(256), 400, "title")
                .wrongMethod("DELETE");
        Endpoint programs = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/programs", "/api/programs")
                .wrongMethod("PUT");
        Endpoint program = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/programs/{uuid}",
                        "/api/programs/" + UUID.randomUUID())
                .pathCase("not a UUID", "/api/programs/not-a-uuid", 400, "uuid")
                .pathCase("unknown UUID", "/api/programs/" + UUID.randomUUID(), 404, null)
                .wrongMethod("DELETE");
        Endpoint programCertificates = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/program-certificates",
                        "/api/program-certificates")
                .pathCase("no username", "/api/program-certificates", 400, "username")
                .query("empty username", "username=", 400, "username")
                .query("blank username", "username=%20%20", 400, "username")
                .wrongMethod("POST");
        List<Endpoint> endpoints = new java.util.ArrayList<>(List.of(list, one, learnerRecord, createProgram, programs,
                program, programCertificates));
        endpoints.addAll(badges(fixture));
        return endpoints;
    }

    /** Badge templates and badges (issue 14). */
    private static List<Endpoint> badges(Fixture fixture) {
        String passing = "org.openedx.learning.course.passing.status.updated.v1";
        Endpoint create = Endpoint.of(SuiteService.CREDENTIALS, "POST", "/api/badge-templates",
                        "/api/badge-templates")
                .body(() -> new java.util.LinkedHashMap<>(Map.of("name", "Sweep badge", "organization", "edX",
                                "provider", "internal", "provider_template_id", "sweep-template",
                                "requirements", List.of(Map.of("event_type", passing,
                                        "rules", List.of(Map.of("data_path", "is_passing", "operator", "eq",
                                                "value", true)))))),
                        required("name", Kind.TEXT), required("organization", Kind.TEXT),
                        required("provider", Kind.ENUM), required("requirements", Kind.LIST),
                        Field.optional("description", Kind.TEXT), Field.optional("provider_template_id", Kind.TEXT),
                        Field.optional("penalties", Kind.LIST))
                .set("requirements empty", "requirements", List.of(), 400, "requirements")
                .set("a rule with an unknown operator", "requirements", List.of(Map.of("event_type", passing,
                        "rules", List.of(Map.of("data_path", "is_passing", "operator", "like", "value", true)))),
                        400, "requirements[0].rules[0].operator")
                .set("a rule with a malformed path", "requirements", List.of(Map.of("event_type", passing,
                        "rules", List.of(Map.of("data_path", "course..key", "operator", "eq", "value", "x")))),
                        400, "requirements[0].rules[0].data_path")
                .set("a numeric rule on a string", "requirements", List.of(Map.of("event_type", passing,
                        "rules", List.of(Map.of("data_path", "is_passing", "operator", "gt", "value", "high")))),
                        400, "requirements[0].rules[0].value")
                .set("a requirement on an event type that does not count", "requirements", List.of(Map.of(
                        "event_type", "org.openedx.learning.no.such.v1")), 400, "requirements[0].event_type")
                .set("a count requirement without distinct_by", "requirements", List.of(Map.of("event_type",
                        passing, "min_count", 2)), 400, "requirements[0].distinct_by")
                .set("a penalty resetting a requirement that does not exist", "penalties", List.of(Map.of(
                        "event_type", passing, "resets", List.of(3), "rules", List.of(Map.of("data_path",
                                "is_passing", "operator", "eq", "value", false)))), 400, "penalties[0].resets[0]")
                .bodyCase("credly without provider_template_id", body -> Endpoint.without(
                        Endpoint.with(body, "provider", "credly"), "provider_template_id"), 400,
                        "provider_template_id")
                .set("organization with a space", "organization", "ed X", 400, "organization")
                .wrongMethod("DELETE");
        Endpoint list = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/badge-templates", "/api/badge-templates")
                .wrongMethod("PUT");
        String unknown = "/api/badge-templates/" + UUID.randomUUID();
        Endpoint show = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/badge-templates/{uuid}", unknown)
                .pathCase("not a UUID", "/api/badge-templates/not-a-uuid", 400, "uuid")
                .pathCase("unknown UUID", unknown, 404, null)
                .wrongMethod("DELETE");
        Endpoint progress = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/badge-templates/{uuid}/progress",
                        unknown + "/progress?username=" + fixture.learner())
                .pathCase("no username", unknown + "/progress", 400, "username")
                .pathCase("not a UUID", "/api/badge-templates/x/progress?username=" + fixture.learner(), 400, "uuid")
                .pathCase("unknown template", unknown + "/progress?username=" + fixture.learner(), 404, null);
        Endpoint activate = Endpoint.of(SuiteService.CREDENTIALS, "POST", "/api/badge-templates/{uuid}/activate",
                        unknown + "/activate")
                .pathCase("not a UUID", "/api/badge-templates/12/activate", 400, "uuid")
                .pathCase("unknown UUID", unknown + "/activate", 404, null)
                .wrongMethod("GET");
        Endpoint deactivate = Endpoint.of(SuiteService.CREDENTIALS, "POST",
                        "/api/badge-templates/{uuid}/deactivate", unknown + "/deactivate")
                .pathCase("not a UUID", "/api/badge-templates/12/deactivate", 400, "uuid")
                .pathCase("unknown UUID", unknown + "/deactivate", 404, null);
        Endpoint badgesOf = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/badges", "/api/badges")
                .pathCase("no username", "/api/badges", 400, "username")
                .query("blank username", "username=%20", 400, "username")
                .wrongMethod("POST");
        Endpoint badge = Endpoint.of(SuiteService.CREDENTIALS, "GET", "/api/badges/{uuid}",
                        "/api/badges/" + UUID.randomUUID())
                .pathCase("not a UUID", "/api/badges/not-a-uuid", 400, "uuid")
                .pathCase("unknown UUID", "/api/badges/" + UUID.randomUUID(), 404, null)
                .wrongMethod("DELETE");
        return List.of(create, list, show, progress, activate, deactivate, badgesOf, badge);
    }
}
