package org.openedx.suite.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON client for the services' REST APIs, as a user of the API would call it: bodies are maps, records or JSON
 * text; answers come back with their status and parsed body, whatever the status, so tests assert on both. Requests
 * carry the operator's token ({@link OperatorToken}) unless they name a token of their own.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    /**
     * An answer.
     *
     * @param json the parsed body; null when the body is empty or not JSON
     */
    public record Response(int status, String contentType, String body, JsonNode json) {

        /** The parsed body, failing with the raw answer when there is none. */
        public JsonNode json() {
            if (json == null) {
                throw new AssertionError("expected a JSON body, got " + this);
            }
            return json;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public static Response get(String url) {
        return send(request(url).GET());
    }

    public static Response post(String url, Object body) {
        return send(request(url).POST(json(body)));
    }

    public static Response put(String url, Object body) {
        return send(request(url).PUT(json(body)));
    }

    public static Response delete(String url) {
        return send(request(url).DELETE());
    }

    /** A DELETE with a body, as some endpoints of the specification take (who asks for the deletion). */
    public static Response delete(String url, Object body) {
        return send(request(url).method("DELETE", json(body)));
    }

    /** JSON text for a body (maps, records, lists) as this client would send it. */
    public static String toJson(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(toJson(body));
    }

    /** A GET with the operator's token and these headers besides (e.g. xAPI's {@code X-Experience-API-Version}). */
    public static Response get(String url, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(url).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Any request with this {@code Authorization} header instead of the operator's token; null for none. */
    public static Response exchangeAs(String method, String url, Object body, String authorization) {
        HttpRequest.Builder builder = request(url).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : json(body));
        return exchange((authorization == null ? builder : builder.header("Authorization", authorization)).build());
    }

    /** A GET with this bearer token instead of the operator's; null for none. */
    public static Response getWithToken(String url, String token) {
        return exchange(authorized(request(url).GET(), token).header("Content-Type", "application/json").build());
    }

    private static Response send(HttpRequest.Builder builder) {
        builder.header("Content-Type", "application/json");
        String token = OperatorToken.current();
        Response response = exchange(authorized(builder.copy(), token).build());
        if (response.status() == 401 && token != null) {
            // the LMS restarted and signs with a new key: the operator asks it for a new token, as a script would
            OperatorToken.refused(token);
            response = exchange(authorized(builder, OperatorToken.current()).build());
        }
        return response;
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Response(response.statusCode(), contentType, response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String body) {
        return Optional.ofNullable(body)
                .filter(text -> !text.isBlank())
                .map(text -> {
                    try {
                        return JSON.readTree(text);
                    } catch (RuntimeException notJson) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
