package org.openedx.suite.sandbox.plagiarism;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openedx.suite.sandbox.signature.StandardWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls back with a check's outcome, signed with Standard Webhooks headers ({@code webhook-id} = the check's id), and
 * tries again after each back-off of {@code sandbox.plagiarism.retry-backoff} while the answer is not 2xx or there is
 * none. Every try is kept for {@code GET /api/plagiarism/callbacks}.
 */
@Component
class Callbacks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    private final PlagiarismProperties properties;
    private final ObjectMapper json;
    private final byte[] key;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final List<CallbackAttempt> attempts = new ArrayList<>();
    /** Tries scheduled before a reset belong to a generation that has ended: they are dropped. */
    private int generation;

    Callbacks(PlagiarismProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.key = StandardWebhooks.key(properties.callbackSecret());
        if (key.length == 0) {
            throw new IllegalStateException("sandbox.plagiarism.callback-secret (SANDBOX_PLAGIARISM_SECRET) is empty");
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.callbackTimeout()).build();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "plagiarism-callback-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Calls back with the check's outcome once {@code sandbox.plagiarism.delay} has passed. */
    void send(PlagiarismCheck check) {
        byte[] body = json.writeValueAsBytes(check.outcome());
        int current;
        synchronized (this) {
            current = generation;
        }
        schedule(new Callback(check.checkId(), URI.create(check.callbackUrl()), body, current), 1,
                properties.delay().toMillis());
    }

    synchronized List<CallbackAttempt> attempts() {
        return new ArrayList<>(attempts);
    }

    /** Forgets the tries so far and drops the ones to come. */
    synchronized void reset() {
        generation++;
        attempts.clear();
    }

    @Override
    public void destroy() throws InterruptedException {
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("plagiarism callbacks still running at shutdown");
        }
    }

    private void schedule(Callback callback, int attempt, long delayMillis) {
        try {
            scheduler.schedule(() -> attempt(callback, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.info("callback {} of check {} dropped: shutting down", attempt, callback.checkId());
        }
    }

    private void attempt(Callback callback, int attempt) {
        if (!isCurrent(callback)) {
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(callback.url())
                .timeout(properties.callbackTimeout())
                .header("Content-Type", "application/json")
                .header(StandardWebhooks.ID, callback.checkId())
                .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                .header(StandardWebhooks.SIGNATURE,
                        StandardWebhooks.sign(key, callback.checkId(), timestamp, callback.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
                .build();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (callback.generation() != generation) {
                return;
            }
            attempts.add(new CallbackAttempt(callback.checkId(), attempt, status, error, Instant.now()));
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        if (!delivered && attempt <= properties.retryBackoff().size()) {
            schedule(callback, attempt + 1, properties.retryBackoff().get(attempt - 1).toMillis());
        } else if (!delivered) {
            log.warn("gave up calling back {} for check {} after {} tries", callback.url(), callback.checkId(),
                    attempt);
        }
    }

    private synchronized boolean isCurrent(Callback callback) {
        return callback.generation() == generation;
    }

    private record Callback(String checkId, URI url, byte[] body, int generation) {
    }
}
