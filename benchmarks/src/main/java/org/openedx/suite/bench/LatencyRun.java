package org.openedx.suite.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Commit-to-effect latency at a steady offered load: changes sent through the producer's REST API on a fixed schedule
 * (rate per second for the given seconds, each at its planned time however the previous ones fare, so a slow answer
 * does not hide the delay it causes), then the time each event took to be applied in the consumer's database.
 * <p>
 * Where the producer's answer names the event (a CMS publish), the latency runs from the answer's arrival, just after
 * the commit, to {@code consumed_at}; the time from the request's departure is reported beside it as an upper bound.
 * Otherwise it runs from the event time the producer stamped inside its transaction, just before the commit.
 * {@code consumed_at} is the consumer's wall clock as it applied the event, just before its own commit. All clocks are
 * this machine's.
 */
final class LatencyRun {

    private final Bench bench;
    private final PrintStream out;

    LatencyRun(Bench bench, PrintStream out) {
        this.bench = bench;
        this.out = out;
    }

    record Sent(int slot, CompletableFuture<Rest.Answer> answer) {
    }

    Map<String, Object> run(Flow flow, int rate, int seconds) {
        int changes = rate * seconds;
        ServiceDb consumer = bench.db(flow.consumer());
        bench.awaitQuiet();
        flow.prepareLatency(changes);
        bench.awaitQuiet();
        // by type, as the pipeline run counts: the consumer may apply other events of the same writes
        long appliedBefore = bench.db(flow.consumer()).consumed(flow.eventTypes());
        out.printf("  [%s] offering %,d changes/s through %s's REST API for %d s%n", flow.name(), rate,
                flow.producer().module(), seconds);

        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        List<Sent> sent = new ArrayList<>(changes);
        long lateSends = 0;
        CpuMeter.Snapshot cpuBefore = bench.cpu.snapshot();
        Instant windowStart = Instant.now();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int slot = 0; slot < changes; slot++) {
            long due = start + slot * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -TimeUnit.MILLISECONDS.toNanos(5)) {
                lateSends++;
            }
            sent.add(new Sent(slot, flow.change(slot)));
        }
        long sendingNanos = System.nanoTime() - start;
        Map<String, Double> cores = CpuMeter.between(cpuBefore, bench.cpu.snapshot());
        List<Rest.Answer> answers = new ArrayList<>(changes);
        int failed = 0;
        String firstFailure = null;
        for (Sent change : sent) {
            try {
                Rest.Answer answer = change.answer().get(2, TimeUnit.MINUTES);
                if (answer.ok()) {
                    answers.add(answer);
                } else {
                    failed++;
                    firstFailure = firstFailure == null ? answer.status() + " " + answer.body() : firstFailure;
                }
            } catch (Exception e) {
                failed++;
                firstFailure = firstFailure == null ? e.toString() : firstFailure;
            }
        }
        Instant lastAnswer = answers.stream().map(Rest.Answer::receivedAt).max(Instant::compareTo).orElse(windowStart);
        Instant firstSent = answers.stream().map(Rest.Answer::sentAt).min(Instant::compareTo).orElse(windowStart);
        long expected = appliedBefore + (long) answers.size() * flow.eventsPerChange();
        Bench.await(flow.consumer().module() + " to apply the latency run's events", Duration.ofMinutes(5),
                () -> bench.db(flow.consumer()).consumed(flow.eventTypes()) >= expected);

        double[] fromAnswer;
        double[] fromRequest = null;
        if (flow.latencyReading() == Flow.LatencyReading.EVENT_ID) {
            Map<UUID, Rest.Answer> byEvent = new LinkedHashMap<>();
            for (Rest.Answer answer : answers) {
                byEvent.put(UUID.fromString(answer.json().path("event_id").asString()), answer);
            }
            Map<UUID, Instant> consumedAt = consumedAt(consumer, byEvent.keySet());
            fromAnswer = new double[consumedAt.size()];
            fromRequest = new double[consumedAt.size()];
            int i = 0;
            for (Map.Entry<UUID, Instant> applied : consumedAt.entrySet()) {
                Rest.Answer answer = byEvent.get(applied.getKey());
                fromAnswer[i] = millis(answer.receivedAt(), applied.getValue());
                fromRequest[i] = millis(answer.sentAt(), applied.getValue());
                i++;
            }
        } else {
            fromAnswer = consumer.doubles("""
                    SELECT extract(epoch FROM consumed_at - event_time) * 1000 FROM event_bus.consumed_event
                     WHERE event_type LIKE ? AND event_time >= ? AND event_time <= ?
                    """, flow.eventTypes(), firstSent, lastAnswer);
        }
        int negative = 0;
        for (int i = 0; i < fromAnswer.length; i++) {
            if (fromAnswer[i] < 0) {
                negative++;
                fromAnswer[i] = 0;
            }
        }
        Stats stats = Stats.of(fromAnswer);
        double achieved = Stats.rate(answers.size(), Duration.between(firstSent, lastAnswer).toNanos());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("offeredPerSecond", rate);
        result.put("seconds", seconds);
        result.put("changes", changes);
        result.put("answered", answers.size());
        result.put("failed", failed);
        if (firstFailure != null) {
            result.put("firstFailure", firstFailure);
        }
        result.put("sentLateOver5ms", lateSends);
        result.put("sendingSeconds", PipelineRun.round(sendingNanos / 1e9));
        result.put("achievedPerSecond", PipelineRun.round(achieved));
        result.put("measuredFrom", flow.latencyReading() == Flow.LatencyReading.EVENT_ID
                ? "producer's REST answer (after its commit)" : "event time stamped in the producer's transaction");
        result.put("samples", stats.count());
        result.put("negativeClampedToZero", negative);
        result.put("p50Ms", PipelineRun.round(stats.p50()));
        result.put("p95Ms", PipelineRun.round(stats.p95()));
        result.put("p99Ms", PipelineRun.round(stats.p99()));
        result.put("maxMs", PipelineRun.round(stats.max()));
        result.put("meanMs", PipelineRun.round(stats.mean()));
        if (fromRequest != null) {
            Stats upper = Stats.of(fromRequest);
            result.put("fromRequestSent", Map.of("p50Ms", PipelineRun.round(upper.p50()),
                    "p95Ms", PipelineRun.round(upper.p95()), "p99Ms", PipelineRun.round(upper.p99()),
                    "maxMs", PipelineRun.round(upper.max())));
        }
        Stats answerTimes = Stats.of(answers.stream()
                .mapToDouble(answer -> millis(answer.sentAt(), answer.receivedAt())).toArray());
        result.put("restAnswerP50Ms", PipelineRun.round(answerTimes.p50()));
        result.put("restAnswerP99Ms", PipelineRun.round(answerTimes.p99()));
        result.put("cores", cores);
        out.printf("  [%s] achieved %,.0f/s (%d failed); commit-to-effect p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms over %,d events (REST answer p50 %.1f ms, p99 %.1f ms)%n", flow.name(),
                achieved, failed, stats.p50(), stats.p95(), stats.p99(), stats.max(), stats.count(),
                answerTimes.p50(), answerTimes.p99());
        out.printf("  [%s] cores used: %s%n", flow.name(), CpuMeter.describe(cores));
        return result;
    }

    private static Map<UUID, Instant> consumedAt(ServiceDb consumer, java.util.Collection<UUID> ids) {
        Map<UUID, Instant> consumedAt = new LinkedHashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 5000) {
            UUID[] chunk = all.subList(from, Math.min(all.size(), from + 5000)).toArray(UUID[]::new);
            for (String[] row : consumer.rows("""
                    SELECT event_id::text, to_char(consumed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                      FROM event_bus.consumed_event WHERE event_id = ANY (?)
                    """, (Object) chunk)) {
                consumedAt.put(UUID.fromString(row[0]), Instant.parse(row[1]));
            }
        }
        return consumedAt;
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
