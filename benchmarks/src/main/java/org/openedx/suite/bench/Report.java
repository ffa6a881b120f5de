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
        md.append("Settings: ");
        if (!flows.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%,d", (Integer) settings.get("events"))).append(" events per flow, ");
        }
        if (settings.get("contentEdits") != null) {
            md.append(String.format(Locale.ROOT, "%,d", (Integer) settings.get("contentEdits")))
                    .append(" content edits over ").append(settings.get("contentBlocks")).append(" html blocks, ");
        }
        md.append(settings.get("clients")).append(" REST clients, service JVMs `")
                .append(String.join(" ", (List<String>) settings.get("serviceJvmOptions"))).append("`");
        Map<String, String> properties = (Map<String, String>) settings.get("serviceProperties");
        if (!properties.isEmpty()) {
            md.append(", service properties `").append(properties).append("`");
        }
        md.append(".\n\n");

        if (!flows.isEmpty()) {
            kafkaFlows(md, machine, flows);
        }
        content(md, machine, (Map<String, Object>) results.get("content"));

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
        Map<String, Object> content = (Map<String, Object>) results.get("content");
        if (content != null) {
            for (Map<String, Object> check : (List<Map<String, Object>>) content.getOrDefault("checks", List.of())) {
                md.append("- ").append(Boolean.TRUE.equals(check.get("ok")) ? "OK" : "**FAILED**")
                        .append(" content: ").append(check.get("check")).append(" (").append(check.get("detail"))
                        .append(")\n");
            }
            if (content.get("error") != null) {
                md.append("- **ERROR** content: ").append(content.get("error")).append("\n");
            }
        }
        if (flows.isEmpty()) {
            return md.toString();
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

    @SuppressWarnings("unchecked")
    private static void kafkaFlows(StringBuilder md, Map<String, Object> machine,
                                   Map<String, Map<String, Object>> flows) {
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
    }

    /** The content flow (issue 16): block edits through the CMS's in-process reactions, beside direct Lucene. */
    @SuppressWarnings("unchecked")
    private static void content(StringBuilder md, Map<String, Object> machine, Map<String, Object> content) {
        if (content == null || !content.containsKey("endToEndEditsPerSecond")) {
            return;
        }
        Map<String, Object> direct = (Map<String, Object>) content.getOrDefault("direct", Map.of());
        Map<String, Object> perDocument = (Map<String, Object>) direct.getOrDefault("perDocumentCommit", Map.of());
        Map<String, Object> batched = (Map<String, Object>) direct.getOrDefault("batchedCommit", Map.of());
        md.append("### Content: block edits through the CMS's reactions (").append(content.get("path"))
                .append(")\n\n");
        md.append("| edits | blocks | writers | REST edits/s | **end to end edits/s** | drain after last answer s "
                + "| direct Lucene, commit per doc, docs/s | direct, commit per ").append(ContentRun.BATCH)
                .append(", docs/s | end to end / per-doc commit | end to end / batched |\n");
        md.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        md.append("| ").append(count(content.get("edits"))).append(" | ").append(count(content.get("blocks")))
                .append(" | ").append(count(content.get("writers"))).append(" | ")
                .append(count(content.get("restEditsPerSecond"))).append(" | **")
                .append(count(content.get("endToEndEditsPerSecond"))).append("** | ")
                .append(ms(content.get("drainAfterRestSeconds"))).append(" | ")
                .append(count(perDocument.get("docsPerSecond"))).append(" | ")
                .append(count(batched.get("docsPerSecond"))).append(" | ")
                .append(fraction(content.get("ratioToPerDocumentCommit"))).append(" | ")
                .append(fraction(content.get("ratioToBatchedCommit"))).append(" |\n\n");
        md.append("REST answer p50 ").append(ms(content.get("restP50Ms"))).append(" ms, p99 ")
                .append(ms(content.get("restP99Ms"))).append(" ms; end to end ")
                .append(ms(content.get("endToEndSeconds"))).append(" s (").append(content.get("endToEndFrom")).append("), REST ")
                .append(ms(content.get("restSeconds"))).append(" s.\n\n");
        List<Map<String, Object>> reactions = (List<Map<String, Object>>) content.getOrDefault("reactions", List.of());
        if (reactions.isEmpty()) {
            md.append("Reaction latency not measured (completion mode ").append(content.get("completionMode"))
                    .append(": finished publications leave no row).\n\n");
        } else {
            md.append("| reaction (listener) | xblock.updated finished | p50 ms | p95 ms | p99 ms | max ms |\n");
            md.append("|---|--:|--:|--:|--:|--:|\n");
            for (Map<String, Object> reaction : reactions) {
                md.append("| ").append(reaction.get("listener")).append(" | ").append(count(reaction.get("completed")))
                        .append(" | ").append(ms(reaction.get("p50Ms"))).append(" | ").append(ms(reaction.get("p95Ms")))
                        .append(" | **").append(ms(reaction.get("p99Ms"))).append("** | ")
                        .append(ms(reaction.get("maxMs"))).append(" |\n");
            }
            md.append("\nLatency: from the publication's registration in the edit's transaction "
                    + "(`publication_date`) to the reaction's completion (`completion_date`).\n\n");
        }
        if (content.get("drainEditsPerSecond") != null) {
            md.append("After the last answer: ").append(count(content.get("indexedAfterLastAnswer")))
                    .append(" edits indexed in ").append(ms(content.get("drainAfterRestSeconds"))).append(" s, ")
                    .append(count(content.get("drainEditsPerSecond"))).append("/s (the reactions alone).\n\n");
        }
        cores(md, machine, "while editing (the reactions running too)", (Map<String, Object>) content.get("cores"));
        cores(md, machine, "after the last answer (the reactions alone)",
                (Map<String, Object>) content.get("coresWhileDraining"));
    }

    private static void cores(StringBuilder md, Map<String, Object> machine, String phase, Map<String, Object> cores) {
        if (cores != null) {
            md.append("Cores busy (of ").append(machine.get("cpus")).append(") ").append(phase).append(":");
            cores.forEach((process, used) -> md.append(' ').append(process).append(' ').append(
                    used instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "–"));
            md.append(".\n\n");
        }
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

    private static String fraction(Object value) {
        return value instanceof Number number ? String.format(Locale.ROOT, "%.3f", number.doubleValue()) : "–";
    }

    private static String unknown(Object value) {
        return value instanceof Number number && number.longValue() >= 0 ? count(value) : "?";
    }
}
