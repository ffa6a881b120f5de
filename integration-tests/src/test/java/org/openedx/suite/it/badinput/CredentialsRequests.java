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
        return List.of(list, one, learnerRecord, createProgram, programs, program, programCertificates);
    }
}
