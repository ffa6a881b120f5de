package org.openedx.suite.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/** What every part of a run shares: the suite, the REST client, the writer threads and the service databases. */
final class Bench implements AutoCloseable {

    /** A learner as the LMS knows them; events carry the id. */
    record Learner(long id, String username) {

        String email() {
            return username + "@example.org";
        }

        String name() {
            return "Learner " + username;
        }
    }

    final Suite suite;
    final Options options;
    final Rest rest = new Rest();
    private final ExecutorService writers;
    private final Map<SuiteService, ServiceDb> databases = new EnumMap<>(SuiteService.class);
    private final List<Learner> learners = new ArrayList<>();
    final CpuMeter cpu;

    Bench(Suite suite, Options options) {
        this.suite = suite;
        this.options = options;
        AtomicInteger number = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(options.clients(), task -> {
            Thread thread = new Thread(task, "writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.cpu = new CpuMeter(this);
        // the metrics and health details are the operator's (ADR 7)
        rest.authorize(() -> suite.identity().operatorToken());
    }

    String url(SuiteService service, String path) {
        return suite.service(service).baseUrl() + path;
    }

    synchronized ServiceDb db(SuiteService service) {
        return databases.computeIfAbsent(service, s -> ServiceDb.of(suite, s));
    }

    /** Runs {@code body(thread)} on every writer thread at once and waits for all; the first failure is thrown. */
    void onEveryWriter(IntConsumer body) {
        int threads = options.clients();
        List<Future<?>> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(writers.submit(() -> body.accept(thread)));
        }
        awaitAll(running);
    }

    /** Runs {@code task(0..count-1)} spread over the writer threads. */
    void parallel(int count, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        onEveryWriter(thread -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.accept(i);
            }
        });
    }

    /** The first {@code count} benchmark learners, created in the LMS as needed. */
    synchronized List<Learner> learners(int count) {
        int have = learners.size();
        if (count > have) {
            Learner[] created = new Learner[count - have];
            parallel(created.length, i -> {
                String username = "bench_" + (have + i);
                JsonNode user = rest.post(url(SuiteService.LMS, "/api/users"), Rest.json(Map.of("username", username,
                                "email", username + "@example.org", "name", "Learner " + username)))
                        .expectOk("creating learner " + username).json();
                created[i] = new Learner(user.path("id").asLong(), username);
            });
            learners.addAll(List.of(created));
        }
        return List.copyOf(learners.subList(0, count));
    }

    /** Enrolls each learner in the LMS, learner {@code i} in {@code courseOf(i)}, in the mode. */
    void enroll(List<Learner> learners, java.util.function.IntFunction<String> courseOf, String mode) {
        parallel(learners.size(), i -> rest.post(url(SuiteService.LMS, "/api/enrollments"),
                        Rest.json(Map.of("username", learners.get(i).username(), "course_key", courseOf.apply(i),
                                "mode", mode)))
                .expectOk("enrolling " + learners.get(i).username()));
    }

    /**
     * Requests sent one after the other per key (a learner): each leaves once the previous one of its key answered
     * or failed, so that a paced run's changes of one learner apply in the order they were planned.
     */
    static final class OneAtATime {

        private final CompletableFuture<?>[] last;

        OneAtATime(int keys) {
            last = new CompletableFuture<?>[keys];
        }

        synchronized CompletableFuture<Rest.Answer> send(int key, Supplier<CompletableFuture<Rest.Answer>> request) {
            CompletableFuture<?> previous = last[key] == null ? CompletableFuture.completedFuture(null) : last[key];
            CompletableFuture<Rest.Answer> next = previous.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> request.get());
            last[key] = next;
            return next;
        }
    }

    /** Creates the courses in the CMS and, when asked, publishes them and waits until the LMS knows them all. */
    void createCourses(List<String> courseKeys, String namePrefix, boolean publish) {
        parallel(courseKeys.size(), i -> {
            String key = courseKeys.get(i);
            rest.post(url(SuiteService.CMS, "/api/courses"), Rest.json(Map.of("course_key", key,
                            "name", namePrefix + " " + i, "start", "2026-09-01T00:00:00Z",
                            "end", "2027-06-30T00:00:00Z", "pacing", "instructor")))
                    .expectOk("creating course " + key);
            if (publish) {
                rest.post(url(SuiteService.CMS, "/api/courses/" + key + "/publish"), "{}")
                        .expectOk("publishing " + key);
            }
        });
        if (publish) {
            ServiceDb lms = db(SuiteService.LMS);
            String[] keys = courseKeys.toArray(String[]::new);
            await("the LMS to know the " + keys.length + " " + namePrefix + " courses", Duration.ofMinutes(2),
                    () -> lms.queryLong("SELECT count(*) FROM course_overview WHERE course_key = ANY (?)",
                            (Object) keys) == keys.length);
        }
    }

    /** Polls every 100 ms until the condition holds. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, 100, condition);
    }

    static void await(String what, Duration timeout, long pollMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            sleep(pollMillis);
        }
    }

    /**
     * Waits until no service has events in its outbox and no consumer applied anything for a second: the previous
     * phase is over, and its work does not spill into the next measurement.
     */
    void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long lastApplied = -1;
        while (System.nanoTime() < deadline) {
            long pending = 0;
            long applied = 0;
            for (SuiteService service : suite.services()) {
                ServiceDb db = db(service);
                pending += db.outboxCount();
                applied += db.queryLong("SELECT count(*) FROM event_bus.consumed_event");
            }
            if (pending == 0 && applied == lastApplied) {
                return;
            }
            lastApplied = applied;
            sleep(1000);
        }
        throw new IllegalStateException("the suite did not settle within 10 minutes");
    }

    /** A value from {@code /actuator/health}'s event-bus details, e.g. {@code events_duplicates_dropped}. */
    long healthDetail(SuiteService service, String detail) {
        JsonNode health = rest.get(url(service, "/actuator/health")).json();
        JsonNode found = health.findValue(detail);
        return found == null || found.isNull() ? -1 : found.asLong();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void awaitAll(List<? extends Future<?>> futures) {
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                    futures.forEach(f -> f.cancel(true));
                }
            } catch (java.util.concurrent.CancellationException ignored) {
                // cancelled after the first failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
        databases.values().forEach(ServiceDb::close);
    }
}
