package org.openedx.suite.it.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.openedx.suite.it.support.Http;

/**
 * The sweep's requests: as {@link Http#exchangeAs} sends them, with headers of the operation's own (an {@code Accept},
 * xAPI's version), and without waiting for the end of a stream: an answer of {@code text/event-stream} (a live feed
 * that stays open) is closed once its status and headers are in, its body unread.
 */
final class Calls {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Calls() {
    }

    /** {@code authorization}: the whole {@code Authorization} header, null for none. */
    static Http.Response send(String method, String url, Object body, String authorization,
                              Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Http.toJson(body)));
        headers.forEach(builder::setHeader);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream content = response.body()) {
                if (contentType.startsWith("text/event-stream")) {
                    return new Http.Response(response.statusCode(), contentType, "", null);
                }
                // the sweep looks at the status and content type; the body is for a failure's message
                return new Http.Response(response.statusCode(), contentType,
                        new String(content.readAllBytes(), StandardCharsets.UTF_8), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }
}
