package org.openedx.suite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the benchmark.
 *
 * @param serviceProperties system properties for every service JVM ({@code -Dk=v}), to test a tuning hypothesis
 *                          without changing the services, e.g. {@code event-bus.relay.batch-size=2000}
 */
record Options(
        Path root,
        int events,
        int warmup,
        List<String> flows,
        int latencySeconds,
        List<Integer> latencyRates,
        boolean skipRaw,
        boolean skipLatency,
        boolean keepData,
        int clients,
        List<String> serviceJvmOptions,
        Map<String, String> serviceProperties,
        Path output,
        int contentEdits,
        int contentBlocks) {

    static final List<String> ALL_FLOWS = List.of("catalog", "certificates", "exams", "badges", "tracking",
            "content");
    /** The flows of a run without --flows: the Kafka flows; {@code content} is asked for by name. */
    static final List<String> DEFAULT_FLOWS = List.of("catalog", "certificates", "exams", "badges", "tracking");
    /** The flow that measures the CMS's in-process reactions (issue 16) instead of a path over Kafka. */
    static final String CONTENT = "content";
    /** Edits of the content flow when --events is not given: the default 100,000 would take an hour there. */
    static final int DEFAULT_CONTENT_EDITS = 2_000;
    static final int DEFAULT_CONTENT_BLOCKS = 200;
    /**
     * Spring Modulith keeps each finished publication with its completion date (instead of deleting it), so that the
     * content flow can read each reaction's latency from {@code event_publication} after the run.
     */
    static final String COMPLETION_MODE = "spring.modulith.events.completion-mode";

    /** Throughput over latency for the services: the parallel collector, a fixed-size young heap, C2 compiled code. */
    static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseParallelGC", "-Xms256m", "-Xmx768m", "-Xss512k", "-Djava.awt.headless=true");

    static final String USAGE = """
            Usage: scripts/bench.sh [--no-build] [options]
              --events N             events per flow for the pipeline throughput (default 100000)
              --warmup N             events per flow through the whole pipeline before measuring, so that the JVMs
                                     run compiled code (default 10000; 0 for none)
              --flows LIST           any of catalog,certificates,exams,badges,tracking,content (default all but
                                     content, which is opt-in: it measures the CMS's in-process reactions to block
                                     edits (tagging, search indexing), not a path over Kafka; with it, every service
                                     runs with %s=update unless given otherwise)
              --content-blocks B     html blocks the content flow edits round-robin (default %d); its edits are
                                     --events when given, else %,d (warm-up: the smaller of --warmup and the edits)
              --latency-seconds S    length of the paced latency run per flow (default 30; 0 skips it)
              --latency-rates LIST   offered state changes per second in the latency runs, one run each (default
                                     1000,250,100: the issue's load, and lighter ones a 2-core machine sustains)
              --skip-raw             do not measure raw Kafka and raw PostgreSQL
              --clients C            concurrent HTTP clients writing through the REST APIs (default 16)
              --service-jvm-options "OPTS"   replaces the services' JVM options (default: %s)
              --service-property K=V system property for every service (repeatable), e.g.
                                     event-bus.relay.batch-size=2000 or spring.kafka.consumer.max-poll-records=2000
              --keep-data            keep Kafka's and PostgreSQL's data of the run (the logs are always kept)
              --output DIR           where bench-results.json and .md go (default benchmarks/target)
            """.formatted(COMPLETION_MODE, DEFAULT_CONTENT_BLOCKS, DEFAULT_CONTENT_EDITS,
            String.join(" ", DEFAULT_SERVICE_JVM_OPTIONS));

    static Options parse(String[] args) {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        int events = 100_000;
        boolean eventsGiven = false;
        int warmup = 10_000;
        List<String> flows = DEFAULT_FLOWS;
        int contentBlocks = DEFAULT_CONTENT_BLOCKS;
        int latencySeconds = 30;
        List<Integer> latencyRates = List.of(1000, 250, 100);
        boolean skipRaw = false;
        boolean keepData = false;
        int clients = 16;
        List<String> jvmOptions = DEFAULT_SERVICE_JVM_OPTIONS;
        Map<String, String> properties = new LinkedHashMap<>();
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--events" -> {
                    events = positive(arg, value(args, ++i, arg));
                    eventsGiven = true;
                }
                case "--content-blocks" -> contentBlocks = positive(arg, value(args, ++i, arg));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg).replace("_", ""));
                case "--flows" -> flows = flows(value(args, ++i, arg));
                case "--latency-seconds" -> latencySeconds = Integer.parseInt(value(args, ++i, arg));
                case "--latency-rates", "--latency-rate" -> {
                    List<Integer> rates = new ArrayList<>();
                    for (String rate : value(args, ++i, arg).split(",")) {
                        rates.add(positive(arg, rate.trim()));
                    }
                    latencyRates = List.copyOf(rates);
                }
                case "--skip-raw" -> skipRaw = true;
                case "--keep-data" -> keepData = true;
                case "--clients" -> clients = positive(arg, value(args, ++i, arg));
                case "--service-jvm-options" -> jvmOptions = List.of(value(args, ++i, arg).trim().split("\\s+"));
                case "--service-property" -> {
                    String property = value(args, ++i, arg);
                    int equals = property.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--service-property wants KEY=VALUE, not " + property);
                    }
                    properties.put(property.substring(0, equals), property.substring(equals + 1));
                }
                case "--output" -> output = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (output == null) {
            output = root.resolve("benchmarks").resolve("target");
        }
        if (flows.contains(CONTENT)) {
            properties.putIfAbsent(COMPLETION_MODE, "update");
        }
        return new Options(root, events, Math.max(0, warmup), flows, Math.max(0, latencySeconds), latencyRates, skipRaw,
                latencySeconds <= 0, keepData, clients, jvmOptions, Map.copyOf(properties), output,
                eventsGiven ? events : DEFAULT_CONTENT_EDITS, contentBlocks);
    }

    /** The selected flows that go over Kafka (all but content). */
    List<String> kafkaFlows() {
        return flows.stream().filter(flow -> !flow.equals(CONTENT)).toList();
    }

    boolean content() {
        return flows.contains(CONTENT);
    }

    /** What the services run with: the JVM options, then the tuning properties. */
    List<String> serviceCommandLineOptions() {
        List<String> all = new ArrayList<>(serviceJvmOptions);
        serviceProperties.forEach((key, value) -> all.add("-D" + key + "=" + value));
        return all;
    }

    private static List<String> flows(String list) {
        List<String> flows = new ArrayList<>();
        for (String flow : list.split(",")) {
            String name = flow.trim();
            if (!ALL_FLOWS.contains(name)) {
                throw new IllegalArgumentException("unknown flow " + name + "; flows are " + ALL_FLOWS);
            }
            if (!flows.contains(name)) {
                flows.add(name);
            }
        }
        // always in the same order, so that runs compare
        return ALL_FLOWS.stream().filter(flows::contains).toList();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String text) {
        int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }
}
