package org.openedx.suite.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.runner.SuiteService;

/**
 * Pipeline throughput of a flow. With the broker stopped, N events are written into the producer's outbox through its
 * REST API (the write rate is measured on its own); then the broker starts, and the pipeline (relay, Kafka, consumer)
 * drains them at full speed: from the moment the outbox starts to shrink (t0) until the last effect is applied in the
 * consumer's database (t1, its {@code consumed_at}).
 */
final class PipelineRun {

    /** Gives up when nothing was applied for this long. */
    private static final Duration STALL = Duration.ofSeconds(90);

    private final Bench bench;
    private final PrintStream out;

    PipelineRun(Bench bench, PrintStream out) {
        this.bench = bench;
        this.out = out;
    }

    Map<String, Object> run(Flow flow, int events) {
        ServiceDb producer = bench.db(flow.producer());
        ServiceDb consumer = bench.db(flow.consumer());
        bench.awaitQuiet();
        long consumedBefore = consumer.consumed(flow.eventTypes());
        Map<SuiteService, Long> alsoBefore = new LinkedHashMap<>();
        for (Flow.AlsoConsumedBy also : flow.alsoConsumedBy()) {
            alsoBefore.put(also.service(), bench.db(also.service()).consumed(also.typePattern()));
        }
        long duplicatesBefore = bench.healthDetail(flow.consumer(), "events_duplicates_dropped");
        // by type: a consumer may apply other events of the same writes (credentials applies the LMS's passing status
        // beside its certificates), which its overall applied counter would count too
        long appliedBefore = bench.db(flow.consumer()).consumed(flow.eventTypes());
        long deadLettersBefore = consumer.deadLetters();

        out.printf("  [%s] stopping the Kafka broker; writing %,d events through %s's REST API with %d clients%n",
                flow.name(), events, flow.producer().module(), bench.options.clients());
        bench.suite.kafka().stop();
        CpuMeter.Snapshot beforeWrite = bench.cpu.snapshot();
        Instant writeStart = Instant.now();
        long writeStarted = System.nanoTime();
        flow.write(events);
        long writeNanos = System.nanoTime() - writeStarted;
        Map<String, Double> writeCpu = CpuMeter.between(beforeWrite, bench.cpu.snapshot());
        // the same changes leave tracking logs for insights too (issue 15): counted apart, except in the tracking flow,
        // whose events they are; the relay publishes them all, so the drain includes their cost
        String tracking = OpenEdxEvents.TRACKING_EVENT_EMITTED.name();
        boolean trackingFlow = tracking.equals(flow.eventTypes());
        long allRows = producer.outboxCount();
        long trackingRows = trackingFlow ? 0 : producer.outboxCount(tracking);
        long outboxRows = allRows - trackingRows;
        long expectedRows = (long) events * flow.outboxRowsPerEvent();
        out.printf("  [%s] wrote %,d events in %.1f s (%,.0f events/s); outbox holds %,d rows%s%n", flow.name(), events,
                writeNanos / 1e9, Stats.rate(events, writeNanos), allRows,
                trackingRows == 0 ? "" : String.format(", %,d of them tracking logs for insights", trackingRows));
        if (outboxRows != expectedRows) {
            throw new IllegalStateException(flow.producer().module() + "'s outbox holds " + outboxRows
                    + " rows of the flow's events, expected " + expectedRows);
        }

        out.printf("  [%s] cores used while writing: %s%n", flow.name(), CpuMeter.describe(writeCpu));
        long head = producer.outboxHead();
        long brokerStarting = System.nanoTime();
        bench.suite.kafka().start();
        long brokerReady = System.nanoTime();
        // t0: the last look that still saw the whole outbox; the first relay round commits right after it
        long t0 = System.nanoTime();
        while (producer.outboxHead() == head) {
            t0 = System.nanoTime();
            if (t0 - brokerReady > STALL.toNanos()) {
                throw new IllegalStateException(flow.producer().module() + "'s relay did not start publishing within "
                        + STALL + " of the broker's start");
            }
            Bench.sleep(5);
        }
        Instant t0Wall = Instant.now().minusNanos(System.nanoTime() - t0);
        CpuMeter.Snapshot drainStart = bench.cpu.snapshot();
        out.printf("  [%s] broker ready in %.1f s; the relay started %.2f s later%n", flow.name(),
                (brokerReady - brokerStarting) / 1e9, (t0 - brokerReady) / 1e9);

        // progress from the consumer's record of the flow's events it consumed (one count a poll of this loop)
        long relayDone = -1;
        long target = appliedBefore + events;
        long consumed = appliedBefore;
        long lastProgress = System.nanoTime();
        long lastReport = System.nanoTime();
        while (consumed < target) {
            Bench.sleep(relayDone < 0 ? 20 : 100);
            long now = System.nanoTime();
            if (relayDone < 0 && producer.outboxHead() < 0) {
                relayDone = now;
            }
            long seen = bench.db(flow.consumer()).consumed(flow.eventTypes());
            if (seen > consumed) {
                consumed = seen;
                lastProgress = now;
            } else if (now - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException(flow.consumer().module() + " applied nothing for " + STALL + " at "
                        + (consumed - appliedBefore) + " of " + events + " events");
            }
            if (now - lastReport > 5_000_000_000L) {
                lastReport = now;
                out.printf("  [%s] applied %,d of %,d%n", flow.name(), consumed - appliedBefore, events);
            }
        }
        while (relayDone < 0) {
            Bench.sleep(20);
            if (producer.outboxHead() < 0) {
                relayDone = System.nanoTime();
            }
        }
        Map<String, Double> drainCpu = CpuMeter.between(drainStart, bench.cpu.snapshot());
        out.printf("  [%s] cores used while draining: %s%n", flow.name(), CpuMeter.describe(drainCpu));
        Instant[] applied = consumer.consumedBetween(flow.eventTypes(), writeStart);
        double drainSeconds = seconds(t0Wall, applied[1]);
        double consumerSeconds = seconds(applied[0], applied[1]);
        double relaySeconds = (relayDone - t0) / 1e9;

        // the other consumers of the same events finish before the next phase starts
        Map<String, Object> also = new LinkedHashMap<>();
        for (Flow.AlsoConsumedBy other : flow.alsoConsumedBy()) {
            ServiceDb db = bench.db(other.service());
            long expected = alsoBefore.get(other.service()) + events;
            Bench.await(other.service().module() + " to apply the " + flow.name() + " events", Duration.ofMinutes(10),
                    500, () -> db.consumed(other.typePattern()) >= expected);
            Instant[] otherApplied = db.consumedBetween(other.typePattern(), writeStart);
            also.put(other.service().module(), Map.of(
                    "drainSeconds", round(seconds(t0Wall, otherApplied[1])),
                    "eventsPerSecond", round(events / seconds(t0Wall, otherApplied[1]))));
        }
        // anything beyond N now would be an event applied twice
        Bench.sleep(1000);
        long consumedAfter = consumer.consumed(flow.eventTypes()) - consumedBefore;
        long duplicates = bench.healthDetail(flow.consumer(), "events_duplicates_dropped") - duplicatesBefore;
        long deadLetters = consumer.deadLetters() - deadLettersBefore;

        double pipelineRate = events / drainSeconds;
        // the writes and the drain back to back, without the broker's restart between them, which only the
        // method of measuring puts there
        double endToEndSeconds = writeNanos / 1e9 + drainSeconds;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);
        result.put("outboxRows", expectedRows);
        result.put("writeSeconds", round(writeNanos / 1e9));
        result.put("writeEventsPerSecond", round(Stats.rate(events, writeNanos)));
        result.put("brokerStartSeconds", round((brokerReady - brokerStarting) / 1e9));
        result.put("relayStartDelaySeconds", round((t0 - brokerReady) / 1e9));
        result.put("drainSeconds", round(drainSeconds));
        result.put("pipelineEventsPerSecond", round(pipelineRate));
        result.put("relaySeconds", round(relaySeconds));
        result.put("relayRowsPerSecond", round(expectedRows / relaySeconds));
        result.put("consumerSeconds", round(consumerSeconds));
        result.put("consumerEventsPerSecond", round(events / consumerSeconds));
        result.put("endToEndSeconds", round(endToEndSeconds));
        result.put("endToEndEventsPerSecond", round(events / endToEndSeconds));
        result.put("alsoConsumedBy", also);
        result.put("coresWhileWriting", writeCpu);
        result.put("coresWhileDraining", drainCpu);
        result.put("applied", consumedAfter);
        result.put("duplicatesDropped", duplicates);
        result.put("deadLetters", deadLetters);

        List<Flow.Check> checks = new ArrayList<>();
        checks.add(new Flow.Check("every event applied exactly once", consumedAfter == events,
                consumedAfter + " applied of " + events + "; " + duplicates + " redeliveries dropped"));
        checks.add(new Flow.Check("no dead letters", deadLetters == 0, deadLetters + " dead letters"));
        checks.addAll(flow.verify());
        checks.addAll(new WireCheck(bench).check(flow, writeStart, events));
        result.put("checks", checks.stream().map(check -> Map.of("check", check.name(), "ok", check.ok(),
                "detail", check.detail())).toList());
        out.printf("  [%s] pipeline %,.0f events/s (drain %.1f s; relay %.1f s; consumer %.1f s); end to end with "
                        + "the writes %,.0f events/s%n", flow.name(), pipelineRate, drainSeconds, relaySeconds,
                consumerSeconds, events / endToEndSeconds);
        for (Flow.Check check : checks) {
            out.printf("  [%s] %s %s: %s%n", flow.name(), check.ok() ? "OK  " : "FAIL", check.name(), check.detail());
        }
        return result;
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return value >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000.0;
    }
}
