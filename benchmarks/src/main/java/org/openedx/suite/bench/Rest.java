package org.openedx.suite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP/1.1 to the services, as any API client would call them. Every answer carries the wall-clock times
 * the request left and the answer arrived, which bracket the producer's commit.
 */
final class Rest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * Requests in flight at once in the paced latency run. Beyond it, due requests queue here rather than open ever
     * more connections to a service that is not keeping up (which then refuses them).
     */
    static final int ASYNC_CONNECTIONS = 64;

    // HTTP/1.1 on purpose: plain http:// with the default HTTP/2 would try an h2c upgrade on every new connection
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService async = Executors.newFixedThreadPool(ASYNC_CONNECTIONS, task -> {
        Thread thread = new Thread(task, "paced-client");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The operator's token every request carries, as a script driving the suite would send it; asked for again once
     * half its lifetime has passed, because a run outlasts one token (15 minutes).
     */
    private volatile Supplier<String> tokens;
    private volatile String bearer;
    private volatile Instant renewAt = Instant.MAX;

    void authorize(Supplier<String> operatorTokens) {
        this.tokens = operatorTokens;
        renew();
    }

    private String bearer() {
        if (tokens != null && Instant.now().isAfter(renewAt)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAt)) {
                    renew();
                }
            }
        }
        return bearer;
    }

    /** A new token, and when to ask again: halfway between its issue and its expiry ({@code iat}, {@code exp}). */
    private synchronized void renew() {
        String token = tokens.get();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        long issued = claims.path("iat").asLong();
        long expires = claims.path("exp").asLong();
        renewAt = Instant.ofEpochSecond(issued + (expires - issued) / 2);
        bearer = token;
    }

    record Answer(int status, String body, Instant sentAt, Instant receivedAt) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expectOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    Answer get(String url) {
        return send(request(url).GET().build());
    }

    Answer post(String url, String json) {
        return send(request(url).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer put(String url, String json) {
        return send(request(url).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST sent by one of {@link #ASYNC_CONNECTIONS} client threads; its {@code sentAt} is when it left. */
    CompletableFuture<Answer> postAsync(String url, String json) {
        return CompletableFuture.supplyAsync(() -> post(url, json), async);
    }

    CompletableFuture<Answer> putAsync(String url, String json) {
        return CompletableFuture.supplyAsync(() -> put(url, json), async);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        String token = bearer();
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), sent, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
