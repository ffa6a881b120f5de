package org.openedx.suite.it.badinput;

import java.util.List;
import java.util.UUID;

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
        return List.of(list, one, learnerRecord);
    }
}
