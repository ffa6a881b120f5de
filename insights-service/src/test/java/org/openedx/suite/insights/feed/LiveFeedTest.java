package org.openedx.suite.insights.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.insights.InsightsApi;
import org.openedx.suite.insights.InsightsServiceTest;
import org.openedx.suite.insights.Trackers;
import org.openedx.suite.insights.Trackers.Log;
import org.openedx.suite.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

/** A course's live feed, read as a browser's fetch reads it: a stream of server-sent events over plain HTTP. */
@InsightsServiceTest
class LiveFeedTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final InsightsApi api;
    private final Trackers trackers;
    private final String courseKey = Trackers.newCourseKey();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Thread reader;
    private Stream<String> stream;

    LiveFeedTest(InsightsApi api, Trackers trackers) {
        this.api = api;
        this.trackers = trackers;
    }

    @AfterEach
    void closeStream() {
        if (stream != null) {
            stream.close();   // Java 17's HttpClient has no shutdown: closing the body ends the connection
        }
    }

    @Test
    void a_statement_stored_after_the_stream_opened_arrives_as_a_statement_event() throws Exception {
        follow("?last=0", TestIssuer.staffToken(7, "grace", courseKey));
        await().atMost(EVENTUALLY).until(() -> lines.stream().anyMatch(line -> line.startsWith(":")));

        long learner = Trackers.newUserId();
        trackers.send(Log.of("edx.course.grade.now_passed", now, learner, courseKey));

        JsonNode item = await().atMost(EVENTUALLY).until(this::firstStatement, found -> found != null);
        assertThat(item.get("tracking_name").asString()).isEqualTo("edx.course.grade.now_passed");
        assertThat(item.get("verb").asString()).isEqualTo("passed");
        assertThat(item.get("course_key").asString()).isEqualTo(courseKey);
        assertThat(item.get("object_id").asString()).isEqualTo("http://lms.example.com/course/" + courseKey);
        assertThat(item.get("actor").asString()).matches("[0-9a-f]{32}");
        assertThat(Instant.parse(item.get("timestamp").asString())).isEqualTo(now);
        assertThat(lines).contains("event:statement");
    }

    @Test
    void a_new_stream_starts_with_the_newest_statements_of_the_course() throws Exception {
        long learner = Trackers.newUserId();
        trackers.send(Log.of("edx.course.enrollment.activated", now, learner, courseKey, "mode", "audit"));
        await().atMost(EVENTUALLY).until(() -> api.statementCount(courseKey), n -> n == 1);

        follow("", TestIssuer.operatorToken());

        JsonNode item = await().atMost(EVENTUALLY).until(this::firstStatement, found -> found != null);
        assertThat(item.get("tracking_name").asString()).isEqualTo("edx.course.enrollment.activated");
    }

    /** Opens the stream and reads its lines on a thread of its own. */
    private void follow(String query, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/courses/" + courseKey
                        + "/feed" + query))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        stream = response.body();
        reader = new Thread(() -> {
            try {
                stream.forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream closed with the test
            }
        }, "feed-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private JsonNode firstStatement() {
        return lines.stream().filter(line -> line.startsWith("data:"))
                .map(line -> InsightsApi.json(line.substring("data:".length())))
                .findFirst().orElse(null);
    }
}
