package org.openedx.suite.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * One of the suite's flows as the benchmark drives it: which service writes events through its REST API, which
 * applies them, and how to tell that every event had its effect.
 */
abstract class Flow {

    /** Another consumer of the flow's events, which the run waits for before the next phase. */
    record AlsoConsumedBy(SuiteService service, String typePattern) {
    }

    /** A finding after a flow ran: passes or not, with what was seen. */
    record Check(String name, boolean ok, String detail) {
    }

    /** How the latency of a change is read back from the consumer. */
    enum LatencyReading {
        /** By the event id the producer's REST answer names: from the answer's arrival to {@code consumed_at}. */
        EVENT_ID,
        /** By the event time the producer stamps inside its transaction: from it to {@code consumed_at}. */
        EVENT_TIME
    }

    /** A message as the flow's producer puts it on the wire, for the raw Kafka limit. */
    record WireSample(String eventType, List<String> keys, byte[] payload) {
    }

    final Bench bench;

    Flow(Bench bench) {
        this.bench = bench;
    }

    abstract String name();

    /** e.g. {@code cms -> discovery}. */
    abstract String path();

    abstract SuiteService producer();

    abstract SuiteService consumer();

    /** LIKE pattern of the {@code ce_type}s that count as the flow's events. */
    abstract String eventTypes();

    /** The topic (without prefix) the flow's events travel on. */
    abstract String topic();

    /** Outbox rows per counted event: the LMS writes a passing-status event beside every certificate event. */
    int outboxRowsPerEvent() {
        return 1;
    }

    List<AlsoConsumedBy> alsoConsumedBy() {
        return List.of();
    }

    /** Creates what the flow's changes need (courses, learners, exams) for the pipeline and the latency run. */
    abstract void setUp(int events, int latencyChanges);

    /** Writes {@code events} events through the producer's REST API on every writer thread at once. */
    abstract void write(int events);

    /** Something to do before the paced latency run that is not itself a measured change (start exam attempts). */
    void prepareLatency(int changes) {
    }

    /** The {@code slot}-th paced change of the latency run. */
    abstract CompletableFuture<Rest.Answer> change(int slot);

    abstract LatencyReading latencyReading();

    /** Events one paced change emits that count for the flow. */
    int eventsPerChange() {
        return 1;
    }

    /** After the pipeline run: the effects in the consumer's own tables agree with the producer. */
    abstract List<Check> verify();

    abstract WireSample wireSample();

    abstract RawPostgres.Shape rawShape();

    /** The entity whose events must keep their order (course run; learner and course; learner and exam). */
    abstract String entityOf(JsonNode payload);

    /** Whether consecutive events of one entity must differ in type (created, revoked, created, ...). */
    boolean typesAlternate() {
        return false;
    }
}
