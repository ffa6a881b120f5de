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
                // issue 16: filters, facets and ranked search
                .query("pacing fast", "pacing=fast", 400, "pacing")
                .query("pacing in upper case", "pacing=SELF", 400, "pacing")
                .query("pacing as the catalog spells it", "pacing=self_paced", 400, "pacing")
                .query("availability later", "availability=later", 400, "availability")
                .query("org of 256 characters", "org=" + "o".repeat(256), 400, "org")
                .query("51 orgs", "org=" + String.join("&org=", java.util.Collections.nCopies(51, "edX")), 400,
                        "org")
                .query("a page past the first 10,000 runs found", "q=demo&page=101&size=100", 400, "page")
                .wrongMethod("POST");
        CmsRequests.pages(search);
        return List.of(run, history, search, CmsRequests.reindex(SuiteService.DISCOVERY));
    }
}
