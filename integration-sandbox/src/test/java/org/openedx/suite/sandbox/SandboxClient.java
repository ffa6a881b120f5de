package org.openedx.suite.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's REST API over real HTTP (the JDK's client), as a service of the suite would call it. */
@TestComponent
public class SandboxClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SandboxClient(Environment environment) {
        this.environment = environment;
    }

    /** {@code http://localhost:<port>}: known once the server listens, so read when asked. */
    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /** Forgets what was received and created, and clears the faults: each test starts from here. */
    public void reset() {
        assertNoContent(delete("/api/received"));
        assertNoContent(delete("/api/faults"));
    }

    /** {@code PUT /api/faults} with the fault as JSON; throws unless it is set. */
    public void fault(String fault) {
        Answer answer = put("/api/faults", fault);
        if (answer.status() != 200) {
            throw new IllegalStateException("PUT /api/faults " + fault + ": " + answer);
        }
    }

    /** A GET with headers as name, value pairs. */
    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** A PUT with a JSON body (or any text) and headers as name, value pairs. */
    public Answer put(String path, String json, String... headers) {
        return sendJson("PUT", path, json, headers);
    }

    /** A POST with a JSON body (or any text) and headers as name, value pairs. */
    public Answer post(String path, String json, String... headers) {
        return sendJson("POST", path, json, headers);
    }

    /** A request with a JSON body (or any text) and headers as name, value pairs. */
    public Answer sendJson(String method, String path, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return send(method, path, json, all.toArray(String[]::new));
    }

    public Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/received} with a query ({@code ""} for none). */
    public List<JsonNode> received(String query) {
        Answer answer = get("/api/received" + query);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/received" + query + ": " + answer);
        }
        List<JsonNode> records = new ArrayList<>();
        answer.json().forEach(records::add);
        return records;
    }

    private static void assertNoContent(Answer answer) {
        if (answer.status() != 204) {
            throw new IllegalStateException("expected 204, got " + answer);
        }
    }

    /** An answer: status, headers and the body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
