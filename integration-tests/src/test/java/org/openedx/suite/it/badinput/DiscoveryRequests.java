package org.openedx.suite.it.badinput;

import java.util.List;

import org.openedx.suite.runner.SuiteService;

/** discovery-service: the catalog, read-only over REST. */
final class DiscoveryRequests {

    private DiscoveryRequests() {
    }

    static List<Endpoint> endpoints(Fixture fixture, Keys keys) {
        Endpoint run = Endpoint.of(SuiteService.DISCOVERY, "GET", "/api/course-runs/{course_key}",
                        "/api/course-runs/" + fixture.courseKey())
                .courseKeysInPath(key -> "/api/course-runs/" + key)
                .pathCase("unknown course run", "/api/course-runs/" + keys.courseKey(), 404, null)
                .pathCase("course key of 300 characters", "/api/course-runs/" + Keys.longCourseKey(300), 400, "course_key")
                .wrongMethod("POST")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");

        Endpoint history = Endpoint.of(SuiteService.DISCOVERY, "GET", "/api/course-runs/{course_key}/history",
                        "/api/course-runs/" + fixture.courseKey() + "/history")
                .courseKeysInPath(key -> "/api/course-runs/" + key + "/history")
                .pathCase("history of an unknown course run", "/api/course-runs/" + keys.courseKey() + "/history", 404,
                        null)
                .wrongMethod("POST");
        CmsRequests.pages(history);

        Endpoint search = Endpoint.of(SuiteService.DISCOVERY, "GET", "/api/course-runs", "/api/course-runs")
                .query("q of 256 characters", "q=" + "q".repeat(256), 400, "q")
                .query("q with a NUL byte", "q=Demo%00X", 400, "q")
                .wrongMethod("POST");
        CmsRequests.pages(search);
        return List.of(run, history, search);
    }
}
