package org.openedx.suite.it.badinput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.runner.SuiteService;

/**
 * insights-service (issue 15): a course's figures and live feed, the xAPI read API over its statements, the dashboard's
 * page. Every endpoint reads; a malformed request must neither change a row nor open a stream.
 */
final class InsightsRequests {

    private static final String VERSION = "X-Experience-API-Version";
    /** What every xAPI request names, as the LRS API asks of its clients. */
    private static final Map<String, String> XAPI = Map.of(VERSION, "1.0.3");
    /** What the dashboard's fetch of the feed sends; a bad request to the feed opens no stream. */
    private static final Map<String, String> EVENT_STREAM = Map.of("Accept", "text/event-stream");

    private InsightsRequests() {
    }

    static List<Endpoint> endpoints(Fixture fixture, Keys keys) {
        String course = "/api/courses/" + fixture.courseKey();

        Endpoint courses = Endpoint.of(SuiteService.INSIGHTS, "GET", "/api/courses", "/api/courses")
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        Endpoint insights = Endpoint.of(SuiteService.INSIGHTS, "GET", "/api/courses/{course_key}/insights",
                        course + "/insights")
                .courseKeysInPath(key -> "/api/courses/" + key + "/insights")
                .pathCase("course key of 300 characters", "/api/courses/" + Keys.longCourseKey(300) + "/insights",
                        400, "course_key")
                .pathCase("unknown course", "/api/courses/" + keys.courseKey() + "/insights", 404, null)
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        // no unknown course here: a feed of a course with no statement yet is a stream like any other
        String feed = course + "/feed";
        Endpoint liveFeed = Endpoint.of(SuiteService.INSIGHTS, "GET", "/api/courses/{course_key}/feed", feed)
                .headers(EVENT_STREAM)
                .courseKeysInPath(key -> "/api/courses/" + key + "/feed?last=0")
                .pathCase("course key of 300 characters", "/api/courses/" + Keys.longCourseKey(300) + "/feed",
                        400, "course_key")
                .countsInQuery("last", 100)
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        Endpoint about = Endpoint.of(SuiteService.INSIGHTS, "GET", "/xapi/about", "/xapi/about")
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        // the dashboard's page, where the LMS also sends the browser back after sign-in
        Endpoint page = Endpoint.of(SuiteService.INSIGHTS, "GET", "/", "/")
                .wrongMethod("POST")
                .wrongMethod("DELETE");
        Endpoint callback = Endpoint.of(SuiteService.INSIGHTS, "GET", "/callback", "/callback")
                .wrongMethod("POST")
                .wrongMethod("PUT");

        return List.of(page, callback, courses, insights, liveFeed, about, statements());
    }

    /** The LRS API: each parameter wrong in the ways an xAPI tool gets it wrong, the version header too. */
    private static Endpoint statements() {
        String agent = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://localhost:18000\","
                + "\"name\":\"someone\"}}";
        String notAPosition = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("yesterday|first".getBytes(StandardCharsets.UTF_8));
        UUID unknown = UUID.randomUUID();
        return Endpoint.of(SuiteService.INSIGHTS, "GET", "/xapi/statements", "/xapi/statements")
                .headerCase("no X-Experience-API-Version header", Map.of(), 400, VERSION)
                .headerCase("X-Experience-API-Version 0.95", Map.of(VERSION, "0.95"), 400, VERSION)
                .headerCase("X-Experience-API-Version 2.0.0", Map.of(VERSION, "2.0.0"), 400, VERSION)
                .headerCase("X-Experience-API-Version empty", Map.of(VERSION, ""), 400, VERSION)
                .headers(XAPI)
                .query("agent that is not JSON", "agent=someone", 400, "agent")
                .query("agent with broken JSON", "agent=" + Keys.encode("{\"account\":"), 400, "agent")
                .query("agent as a JSON array", "agent=" + Keys.encode("[" + agent + "]"), 400, "agent")
                .query("agent as JSON null", "agent=null", 400, "agent")
                .query("agent of another objectType", "agent="
                        + Keys.encode(agent.replace("\"Agent\"", "\"Group\"")), 400, "agent")
                .query("agent by mbox only", "agent=" + Keys.encode("{\"mbox\":\"mailto:someone@example.org\"}"),
                        400, "agent")
                .query("agent with a blank account name", "agent="
                        + Keys.encode(agent.replace("\"someone\"", "\"  \"")), 400, "agent")
                .query("empty agent", "agent=", 400, "agent")
                .query("since is not a time", "since=yesterday", 400, "since")
                .query("since without an offset", "since=2026-06-01T10:00:00", 400, "since")
                .query("since a date only", "since=2026-06-01", 400, "since")
                .query("since in epoch seconds", "since=1788220800", 400, "since")
                .query("until the 30th of February", "until=" + Keys.encode("2026-02-30T00:00:00Z"), 400, "until")
                .query("empty until", "until=", 400, "until")
                .countsInQuery("limit", 500)
                .query("an unknown parameter", "format=exact", 400, "format")
                .query("statementId spelled statementID", "statementID=" + unknown, 400, "statementID")
                .query("voidedStatementId, which this LRS does not serve", "voidedStatementId=" + unknown, 400,
                        "voidedStatementId")
                .query("statementId is not a UUID", "statementId=42", 400, "statementId")
                .query("statementId with another parameter", "statementId=" + unknown + "&limit=1", 400,
                        "statementId")
                .query("unknown statementId", "statementId=" + unknown, 404, null)
                .query("cursor that is not base64", "cursor=" + Keys.encode("not a cursor!"), 400, "cursor")
                .query("cursor that is no position", "cursor=" + notAPosition, 400, "cursor")
                .query("ascending yes", "ascending=yes", 400, "ascending")
                .query("ascending in upper case", "ascending=TRUE", 400, "ascending")
                .query("registration is not a UUID", "registration=12345", 400, "registration")
                .query("registration with extra characters", "registration=" + unknown + "0", 400, "registration")
                .wrongMethod("POST")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");
    }
}
