package org.openedx.suite.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Sends the pending outbound calls once they are due: the oldest pending call of each (destination, ordering key),
 * so a key's calls arrive in order; at most {@code threads} calls in flight, and at most
 * {@code per-destination-concurrency} to one destination (a Resilience4j bulkhead), so a slow receiver holds up only
 * its own calls; none to a destination whose circuit (Resilience4j) is open because it keeps failing.
 * <p>
 * A call is leased to its worker by pushing its {@code next_attempt_at} past the longest an attempt can take; if the
 * process dies mid-call, the lease runs out and the call is sent again, with the same idempotency key. 2xx delivers;
 * 408, 429, 5xx, timeouts and connection errors are retried with exponential back-off and jitter until
 * {@code give-up-after}; any other answer, or a URL the {@link OutboundUrlPolicy} refuses, fails the call for good.
 * Every attempt is logged with its status, latency and the first bytes of the answer.
 */
final class OutboundWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundWorker.class);
    private static final int EXCERPT = 2048;

    private static final String CLAIM = """
            WITH heads AS (
                SELECT DISTINCT ON (destination, ordering_key) id, destination, next_attempt_at
                  FROM outbound.delivery WHERE status = 'pending'
                 ORDER BY destination, ordering_key, id)
            UPDATE outbound.delivery d
               SET next_attempt_at = now() + ? * interval '1 millisecond', attempts = d.attempts + 1
             WHERE d.id IN (SELECT h.id FROM heads h
                             WHERE h.next_attempt_at <= now() AND NOT (h.destination = ANY (?))
                             ORDER BY h.next_attempt_at LIMIT ?)
               AND d.status = 'pending' AND d.next_attempt_at <= now()
            RETURNING d.id, d.destination, d.retry_from, d.delivery_id, d.purpose, d.reference, d.ordering_key,
                      d.method, d.url, d.body, d.status, d.attempts, d.created_at, d.next_attempt_at, d.completed_at,
                      d.last_status, d.last_error, d.response_body
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutboundProperties settings;
    private final Supplier<Map<String, OutboundPurpose>> purposeBeans;
    private volatile Map<String, OutboundPurpose> purposes;
    private final OutboundUrlPolicy policy;
    private final RestClient http;
    private final CircuitBreakerRegistry circuits;
    private final BulkheadRegistry bulkheads;
    private final IntervalFunction backOff;
    private final String userAgent;

    private final Semaphore slots;
    private final Object wakeUp = new Object();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean signalled;
    private volatile boolean running;
    private ExecutorService senders;
    private Thread dispatcher;

    OutboundWorker(JdbcTemplate jdbc, TransactionTemplate transactions, OutboundProperties settings,
                   Supplier<Map<String, OutboundPurpose>> purposes, OutboundUrlPolicy policy, RestClient http,
                   CircuitBreakerRegistry circuits, BulkheadRegistry bulkheads, String userAgent) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.purposeBeans = purposes;
        this.policy = policy;
        this.http = http;
        this.circuits = circuits;
        this.bulkheads = bulkheads;
        this.userAgent = userAgent;
        this.slots = new Semaphore(settings.threads());
        this.backOff = IntervalFunction.ofExponentialRandomBackoff(settings.firstRetry(),
                settings.backoffMultiplier(), settings.jitter(), settings.maxRetryInterval());
    }

    void wakeUp() {
        synchronized (wakeUp) {
            signalled = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void start() {
        purposes = purposeBeans.get();
        running = true;
        AtomicInteger threadNumber = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "outbound-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = new Thread(this::loop, "outbound-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            if (dispatcher != null) {
                dispatcher.join(5000);
            }
            if (senders != null) {
                senders.shutdown();
                // calls still in flight after this are sent again once their lease runs out
                senders.awaitTermination(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** {@code suite.outbound.enabled=false} keeps calls in the log unsent (to stop calling out without losing any). */
    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    /** After the web server and the event-bus consumer have started: calls leave once the service is up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                int claimed = dispatchDue();
                failures = 0;
                if (claimed == 0) {
                    await(settings.pollInterval());
                }
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 30 == 0) {
                    log.warn("Could not read the pending outbound calls ({} times in a row): {}", failures,
                            e.getMessage());
                }
                await(Duration.ofMillis(Math.min(30_000, 500L << Math.min(failures, 6))));
            }
        }
    }

    private void await(Duration timeout) {
        synchronized (wakeUp) {
            if (!signalled && running) {
                try {
                    wakeUp.wait(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            signalled = false;
        }
    }

    /** Claims as many due calls as there are free senders and hands them over; returns how many. */
    private int dispatchDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            await(settings.pollInterval());
            return -1;
        }
        long leaseMillis = settings.lease().toMillis();
        List<Claimed> claimed = jdbc.query(CLAIM, (rs, n) -> new Claimed(rs.getLong("id"), rs.getString("destination"),
                        rs.getTimestamp("retry_from").toInstant(), JdbcOutboundDeliveries.delivery(rs, n)),
                leaseMillis, blockedDestinations(), free);
        List<Claimed> unsent = new ArrayList<>();
        for (Claimed call : claimed) {
            Bulkhead bulkhead = bulkheads.bulkhead(call.destination());
            CircuitBreaker circuit = circuits.circuitBreaker(call.destination());
            if (!bulkhead.tryAcquirePermission()) {
                unsent.add(call);
            } else if (!circuit.tryAcquirePermission()) {
                bulkhead.releasePermission();
                unsent.add(call);
            } else if (!slots.tryAcquire()) {
                circuit.releasePermission();
                bulkhead.releasePermission();
                unsent.add(call);
            } else {
                senders.execute(() -> {
                    try {
                        send(call, circuit);
                    } finally {
                        bulkhead.onComplete();
                        slots.release();
                        wakeUp();
                    }
                });
            }
        }
        for (Claimed call : unsent) {
            jdbc.update("UPDATE outbound.delivery SET next_attempt_at = now(), attempts = attempts - 1 WHERE id = ?",
                    call.row());
        }
        return claimed.size() - unsent.size();
    }

    /** Destinations that may not get another call now: circuit open, trial call in flight, or all slots taken. */
    private String[] blockedDestinations() {
        List<String> blocked = new ArrayList<>();
        circuits.getAllCircuitBreakers().forEach(circuit -> {
            CircuitBreaker.State state = circuit.getState();
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                    || (state == CircuitBreaker.State.HALF_OPEN && inFlight(circuit.getName()) > 0)) {
                blocked.add(circuit.getName());
            }
        });
        bulkheads.getAllBulkheads().forEach(bulkhead -> {
            if (bulkhead.getMetrics().getAvailableConcurrentCalls() == 0) {
                blocked.add(bulkhead.getName());
            }
        });
        return blocked.toArray(String[]::new);
    }

    private int inFlight(String destination) {
        Bulkhead bulkhead = bulkheads.bulkhead(destination);
        return bulkhead.getMetrics().getMaxAllowedConcurrentCalls()
                - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    private void send(Claimed call, CircuitBreaker circuit) {
        OutboundDelivery delivery = call.delivery();
        OutboundPurpose purpose = purposes.get(delivery.purpose());
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Outcome outcome;
        URI target = purpose.url(delivery);
        Optional<OutboundUrlPolicy.Refusal> refusal = policy.check(target);
        if (refusal.isPresent() && !refusal.get().retryable()) {
            circuit.releasePermission();
            outcome = Outcome.failed(null, "refused: " + target + " " + refusal.get().reason(), null);
        } else if (refusal.isPresent()) {
            circuit.releasePermission();
            outcome = Outcome.retry(null, refusal.get().reason(), null, null);
        } else {
            outcome = call(delivery, target, purpose, started);
            long nanos = System.nanoTime() - startNanos;
            if (outcome.destinationFailed()) {
                circuit.onError(nanos, TimeUnit.NANOSECONDS, new IOException(outcome.error()));
            } else {
                circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
        }
        int latencyMs = (int) Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        try {
            transactions.executeWithoutResult(tx -> record(call, purpose, started, latencyMs, outcome));
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            // the lease runs out and the call is made again with the same idempotency key
            log.warn("Could not record attempt {} of outbound call {}: {}", delivery.attempts(), delivery.id(),
                    e.getMessage());
        }
    }

    private Outcome call(OutboundDelivery delivery, URI target, OutboundPurpose purpose, Instant sentAt) {
        try {
            return http.method(HttpMethod.valueOf(delivery.method()))
                    .uri(target)
                    .headers(headers -> {
                        headers.set("Idempotency-Key", delivery.id().toString());
                        headers.set("User-Agent", userAgent);
                        if (delivery.body() != null) {
                            headers.set("Content-Type", OutboundRequest.JSON);
                        }
                        purpose.headers(delivery, sentAt).forEach(headers::set);
                    })
                    .body(delivery.body() == null ? new byte[0] : delivery.body().getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        String excerpt = excerpt(response.getBody());
                        if (status >= 200 && status < 300 || purpose.alreadyHeld(status)) {
                            return Outcome.delivered(status, excerpt);
                        }
                        if (status == 408 || status == 429 || status >= 500) {
                            return Outcome.retry(status, "answered " + status, excerpt,
                                    retryAfter(response.getHeaders().getFirst("Retry-After")));
                        }
                        return Outcome.failed(status, "answered " + status, excerpt);
                    }, true);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Outcome.retry(null, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null, null);
        }
    }

    private void record(Claimed call, OutboundPurpose purpose, Instant started, int latencyMs, Outcome outcome) {
        OutboundDelivery delivery = call.delivery();
        Outcome settled = outcome;
        Instant next = null;
        if (outcome.kind() == Outcome.Kind.RETRY) {
            Duration wait = Duration.ofMillis(backOff.apply(delivery.attempts()));
            if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
                wait = outcome.retryAfter().compareTo(settings.maxRetryInterval()) > 0
                        ? settings.maxRetryInterval() : outcome.retryAfter();
            }
            next = Instant.now().plus(wait);
            if (next.isAfter(call.retryFrom().plus(settings.giveUpAfter()))) {
                settled = Outcome.failed(outcome.status(), "gave up after " + delivery.attempts() + " attempts in "
                        + settings.giveUpAfter() + "; last: " + outcome.error(), outcome.excerpt());
            }
        }
        jdbc.update("""
                INSERT INTO outbound.delivery_attempt
                    (delivery, attempt, started_at, latency_ms, http_status, outcome, error, response_excerpt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, call.row(), delivery.attempts(), Timestamp.from(started), latencyMs, outcome.status(),
                settled.kind().column(), settled.error(), outcome.excerpt());
        boolean done = settled.kind() != Outcome.Kind.RETRY;
        int changed = jdbc.update("""
                UPDATE outbound.delivery
                   SET status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                       completed_at = CASE WHEN ? THEN now() END, last_status = ?, last_error = ?,
                       response_body = CASE WHEN ? THEN ? ELSE response_body END
                 WHERE id = ? AND status = 'pending'
                """, done ? settled.kind().column() : "pending", next == null ? null : Timestamp.from(next), done,
                outcome.status(), settled.error(), done, outcome.excerpt(), call.row());
        if (changed == 0) {
            return; // settled meanwhile by another instance whose lease overlapped
        }
        // the purpose sees the call as it now stands: this answer's status, error and (when final) body
        delivery = new OutboundDelivery(delivery.id(), delivery.purpose(), delivery.reference(),
                delivery.orderingKey(), delivery.method(), delivery.url(), delivery.body(),
                done ? OutboundDelivery.Status.valueOf(settled.kind().name()) : OutboundDelivery.Status.PENDING,
                delivery.attempts(), delivery.createdAt(), next == null ? delivery.nextAttemptAt() : next,
                done ? Instant.now() : null, outcome.status(), settled.error(),
                done ? outcome.excerpt() : delivery.responseBody());
        switch (settled.kind()) {
            case DELIVERED -> purpose.delivered(delivery, outcome.status(), outcome.excerpt());
            case FAILED -> {
                log.info("Outbound call {} to {} failed for good: {}", delivery.id(), delivery.url(), settled.error());
                purpose.failed(delivery, settled.error());
            }
            case RETRY -> purpose.attemptFailed(delivery, settled.error());
        }
    }

    private static String excerpt(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(EXCERPT);
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the back-off decides
        }
    }

    int sentCount() {
        return sent.get();
    }

    /** Each destination called since start and the state of its circuit: CLOSED, OPEN or HALF_OPEN. */
    Map<String, String> circuitStates() {
        Map<String, String> states = new java.util.TreeMap<>();
        circuits.getAllCircuitBreakers().forEach(circuit -> states.put(circuit.getName(), circuit.getState().name()));
        return states;
    }

    private record Claimed(long row, String destination, Instant retryFrom, OutboundDelivery delivery) {
    }

    private record Outcome(Kind kind, Integer status, String error, String excerpt, Duration retryAfter) {

        enum Kind {
            DELIVERED, RETRY, FAILED;

            String column() {
                return name().toLowerCase();
            }
        }

        static Outcome delivered(int status, String excerpt) {
            return new Outcome(Kind.DELIVERED, status, null, excerpt, null);
        }

        static Outcome retry(Integer status, String error, String excerpt, Duration retryAfter) {
            return new Outcome(Kind.RETRY, status, error, excerpt, retryAfter);
        }

        static Outcome failed(Integer status, String error, String excerpt) {
            return new Outcome(Kind.FAILED, status, error, excerpt, null);
        }

        /** Whether the destination itself misbehaved (counts against its circuit); a 4xx answer means it is up. */
        boolean destinationFailed() {
            return kind == Kind.RETRY;
        }
    }
}
