package org.openedx.suite.it.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.openedx.suite.it.support.OperatorToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request exactly as written, byte for byte, whatever its method, path, content type or body: the shared
 * JSON client would tidy up precisely what these tests need to get wrong.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // HTTP/1.1: with HTTP/2 the client would first ask to upgrade, which is not what a plain client sends
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * An answer.
     *
     * @param json the parsed body; null when it is empty or not JSON
     */
    record Answer(int status, String contentType, String body, JsonNode json) {

        String describe() {
            return status + " " + contentType + "\n  " + BadRequest.abbreviate(body, 600);
        }
    }

    Answer send(String baseUrl, BadRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::setHeader);
        // as the operator, who may call every endpoint: what is swept here is the input, not who sends it
        String token = OperatorToken.current();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.describe(), e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
