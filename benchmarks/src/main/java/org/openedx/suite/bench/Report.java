package org.openedx.suite.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown tables: what the console shows at the end and bench-results.md holds. */
final class Report {

    static final double TARGET_EVENTS_PER_SECOND = 20_000;
    static final double TARGET_P99_MS = 50;
    static final double TARGET_RATIO = 0.5;

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        Map<String, Object> settings = (Map<String, Object>) results.get("settings");
        Map<String, Map<String, Object>> flows = (Map<String, Map<String, Object>>) results.get("flows");

        md.append("Run ").append(results.get("startedAt")).append(" on ").append(machine.get("cpus")).append(" CPUs (")
                .append(machine.get("cpuModel")).append("), ").append(machine.get("memoryGiB")).append(" GiB RAM, ")
                .append(machine.get("java")).append(", ").append(machine.get("postgres")).append(", Kafka ")
                .append(machine.get("kafka")).append("; everything on this one machine.\n\n");
        md.append("Settings: ").append(String.format(Locale.ROOT, "%,d", (Integer) settings.get("events")))
                .append(" events per flow, ").append(settings.get("clients")).append(" REST clients, service JVMs `")
                .append(String.join(" ", (List<String>) settings.get("serviceJvmOptions"))).append("`");
        Map<String, String> properties = (Map<String, String>) settings.get("serviceProperties");
        if (!properties.isEmpty()) {
            md.append(", service properties `").append(properties).append("`");
        }
        md.append(".\n\n");

        md.append("### Throughput\n\n");
        md.append("| flow | events | REST writes/s | pipeline events/s | end to end events/s | relay rows/s "
                + "| consumer events/s | raw Kafka produce/s | raw Kafka consume/s | raw PostgreSQL events/s "
                + "| pipeline / raw limit |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Map.Entry<String, Map<String, Object>> flow : flows.entrySet()) {
            Map<String, Object> f = flow.getValue();
            Map<String, Object> pipeline = (Map<String, Object>) f.getOrDefault("pipeline", Map.of());
            Map<String, Object> raw = (Map<String, Object>) f.getOrDefault("raw", Map.of());
            Map<String, Object> kafka = (Map<String, Object>) raw.getOrDefault("kafka", Map.of());
            Map<String, Object> postgres = (Map<String, Object>) raw.getOrDefault("postgres", Map.of());
            md.append("| ").append(flow.getKey()).append(" (").append(f.get("path")).append(") | ")
                    .append(count(pipeline.get("events"))).append(" | ")
                    .append(count(pipeline.get("writeEventsPerSecond"))).append(" | **")
                    .append(count(pipeline.get("pipelineEventsPerSecond"))).append("** | ")
                    .append(count(pipeline.get("endToEndEventsPerSecond"))).append(" | ")
                    .append(count(pipeline.get("relayRowsPerSecond"))).append(" | ")
                    .append(count(pipeline.get("consumerEventsPerSecond"))).append(" | ")
                    .append(count(kafka.get("producerPerSecond"))).append(" | ")
                    .append(count(kafka.get("consumerPerSecond"))).append(" | ")
                    .append(count(postgres.get("eventsPerSecond"))).append(" | ")
                    .append(ratio(raw.get("ratio"))).append(" |\n");
        }
        md.append("\n");

        md.append("### Latency: commit to effect at a steady offered load\n\n");
        md.append("| flow | offered/s | achieved/s | p50 ms | p95 ms | p99 ms | max ms | events | from |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (Map.Entry<String, Map<String, Object>> flow : flows.entrySet()) {
            for (Map<String, Object> latency : (List<Map<String, Object>>) flow.getValue()
                    .getOrDefault("latency", List.of())) {
                md.append("| ").append(flow.getKey()).append(" | ").append(count(latency.get("offeredPerSecond")))
                        .append(" | ").append(count(latency.get("achievedPerSecond"))).append(" | ")
                        .append(ms(latency.get("p50Ms"))).append(" | ").append(ms(latency.get("p95Ms")))
                        .append(" | **").append(ms(latency.get("p99Ms"))).append("** | ")
                        .append(ms(latency.get("maxMs"))).append(" | ").append(count(latency.get("samples")))
                        .append(" | ").append(latency.get("measuredFrom")).append(" |\n");
            }
        }
        md.append("\n");

        md.append("### Where the CPU went (cores busy, of ").append(machine.get("cpus")).append(")\n\n");
        md.append("| flow | phase | events/s |");
        for (String process : CPU_COLUMNS) {
            md.append(' ').append(process).append(" |");
        }
        md.append("\n|---|---|--:|").append("--:|".repeat(CPU_COLUMNS.size())).append("\n");
        for (Map.Entry<String, Map<String, Object>> flow : flows.entrySet()) {
            Map<String, Object> pipeline = (Map<String, Object>) flow.getValue().get("pipeline");
            if (pipeline == null) {
                continue;
            }
            cpuRow(md, flow.getKey(), "REST writes", pipeline.get("writeEventsPerSecond"),
                    (Map<String, Object>) pipeline.get("coresWhileWriting"));
            cpuRow(md, flow.getKey(), "pipeline drain", pipeline.get("pipelineEventsPerSecond"),
                    (Map<String, Object>) pipeline.get("coresWhileDraining"));
        }
        md.append("\n");

        Map<String, Map<String, Object>> memory = (Map<String, Map<String, Object>>) results.get("memory");
        if (memory != null) {
            md.append("### Memory during the run\n\n| process | peak heap MiB | peak RSS MiB |\n|---|--:|--:|\n");
            for (Map.Entry<String, Map<String, Object>> process : memory.entrySet()) {
                md.append("| ").append(process.getKey()).append(" | ")
                        .append(unknown(process.getValue().get("peakHeapMiB"))).append(" | ")
                        .append(unknown(process.getValue().get("peakRssMiB"))).append(" |\n");
            }
            md.append("\n");
        }

        md.append("### Guarantees checked in this run\n\n");
        for (Map.Entry<String, Map<String, Object>> flow : flows.entrySet()) {
            Map<String, Object> pipeline = (Map<String, Object>) flow.getValue().get("pipeline");
            if (pipeline != null) {
                for (Map<String, Object> check : (List<Map<String, Object>>) pipeline.get("checks")) {
                    md.append("- ").append(Boolean.TRUE.equals(check.get("ok")) ? "OK" : "**FAILED**").append(" ")
                            .append(flow.getKey()).append(": ").append(check.get("check")).append(" (")
                            .append(check.get("detail")).append(")\n");
                }
            }
            Object error = flow.getValue().get("error");
            if (error != null) {
                md.append("- **ERROR** ").append(flow.getKey()).append(": ").append(error).append("\n");
            }
        }
        md.append("\n### Targets (issue 7)\n\n| flow | >= 20,000 events/s | p99 < 50 ms at 1,000/s | >= 0.5 of raw |\n"
                + "|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Object>> flow : flows.entrySet()) {
            Map<String, Object> f = flow.getValue();
            Map<String, Object> pipeline = (Map<String, Object>) f.getOrDefault("pipeline", Map.of());
            Map<String, Object> latency = ((List<Map<String, Object>>) f.getOrDefault("latency", List.of()))
                    .stream().filter(run -> Integer.valueOf(1000).equals(run.get("offeredPerSecond"))).findFirst()
                    .orElse(Map.of());
            Map<String, Object> raw = (Map<String, Object>) f.getOrDefault("raw", Map.of());
            md.append("| ").append(flow.getKey()).append(" | ")
                    .append(verdict(pipeline.get("pipelineEventsPerSecond"), TARGET_EVENTS_PER_SECOND, true))
                    .append(" | ").append(verdict(latency.get("p99Ms"), TARGET_P99_MS, false)).append(" | ")
                    .append(verdict(raw.get("ratio"), TARGET_RATIO, true)).append(" |\n");
        }
        return md.toString();
    }

    private static final List<String> CPU_COLUMNS = List.of("cms", "discovery", "lms", "credentials", "exams", "insights",
            "kafka", "postgres", "benchmark", "other", "idle");

    private static void cpuRow(StringBuilder md, String flow, String phase, Object rate, Map<String, Object> cores) {
        if (cores == null) {
            return;
        }
        md.append("| ").append(flow).append(" | ").append(phase).append(" | ").append(count(rate)).append(" |");
        for (String process : CPU_COLUMNS) {
            Object used = cores.get(process);
            md.append(' ').append(used instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "–")
                    .append(" |");
        }
        md.append('\n');
    }

    private static String verdict(Object value, double target, boolean atLeast) {
        if (!(value instanceof Number number)) {
            return "not measured";
        }
        double v = number.doubleValue();
        boolean met = atLeast ? v >= target : v < target;
        String shown = target < 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%,.0f", v);
        return (met ? "met (" : "**not met** (") + shown + ")";
    }

    private static String count(Object value) {
        return value instanceof Number number ? String.format(Locale.ROOT, "%,.0f", number.doubleValue()) : "–";
    }

    private static String ms(Object value) {
        return value instanceof Number number ? String.format(Locale.ROOT, "%.1f", number.doubleValue()) : "–";
    }

    private static String ratio(Object value) {
        return value instanceof Number number ? String.format(Locale.ROOT, "%.2f", number.doubleValue()) : "–";
    }

    private static String unknown(Object value) {
        return value instanceof Number number && number.longValue() >= 0 ? count(value) : "?";
    }
}
