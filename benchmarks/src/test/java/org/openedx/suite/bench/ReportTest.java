package org.openedx.suite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void the_table_shows_each_flow_and_judges_it_against_the_targets_of_the_issue() {
        String markdown = Report.markdown(results(25_000, 30.0, 0.6));

        assertThat(markdown)
                .contains("| catalog (cms -> discovery) | 100,000 | 1,500 | **25,000** |")
                .contains("| catalog | 1,000 | 990 | 3.0 | 12.0 | **30.0** | 45.0 | 30,000 |")
                .contains("| catalog | met (25,000) | met (30) | met (0.60) |")
                .contains("| catalog | pipeline drain | 25,000 | 0.10 | 0.80 |")
                .contains("| cms-service | 300 | 600 |")
                .contains("- OK catalog: every event applied exactly once (100000 of 100000)");
    }

    @Test
    void a_target_missed_is_marked_as_such() {
        String markdown = Report.markdown(results(2_000, 80.0, 0.1));

        assertThat(markdown).contains("| catalog | **not met** (2,000) | **not met** (80) | **not met** (0.10) |");
    }

    @Test
    void a_content_run_alone_shows_its_rates_latencies_baseline_and_checks_and_no_kafka_tables() {
        Map<String, Object> results = results(25_000, 30.0, 0.6);
        results.put("flows", Map.of());
        results.put("settings", Map.of("events", 2_000, "contentEdits", 2_000, "contentBlocks", 200, "clients", 16,
                "serviceJvmOptions", List.of("-Xmx768m"),
                "serviceProperties", Map.of("spring.modulith.events.completion-mode", "update")));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("path", "cms REST -> reactions");
        content.put("edits", 2_000);
        content.put("blocks", 200);
        content.put("writers", 16);
        content.put("restEditsPerSecond", 150.0);
        content.put("endToEndEditsPerSecond", 120.0);
        content.put("drainAfterRestSeconds", 3.0);
        content.put("direct", Map.of("perDocumentCommit", Map.of("docsPerSecond", 400.0),
                "batchedCommit", Map.of("docsPerSecond", 40_000.0)));
        content.put("ratioToPerDocumentCommit", 0.3);
        content.put("ratioToBatchedCommit", 0.003);
        content.put("reactions", List.of(Map.of("listener", "ContentIndexing", "completed", 2_000L, "p50Ms", 20.0,
                "p95Ms", 50.0, "p99Ms", 80.0, "maxMs", 120.0)));
        content.put("checks", List.of(Map.of("check", "no reaction failed or pending", "ok", false,
                "detail", "1 failed")));
        results.put("content", content);

        String markdown = Report.markdown(results);

        assertThat(markdown)
                .contains("2,000 content edits over 200 html blocks")
                .contains("| 2,000 | 200 | 16 | 150 | **120** | 3.0 | 400 | 40,000 | 0.300 | 0.003 |")
                .contains("| ContentIndexing | 2,000 | 20.0 | 50.0 | **80.0** | 120.0 |")
                .contains("- **FAILED** content: no reaction failed or pending (1 failed)")
                .doesNotContain("### Throughput")
                .doesNotContain("### Targets");
    }

    private static Map<String, Object> results(double pipelineRate, double p99, double ratio) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", "2026-11-25T10:00:00Z");
        results.put("machine", Map.of("cpus", 2, "cpuModel", "AMD EPYC", "memoryGiB", 24, "java", "OpenJDK 17",
                "postgres", "PostgreSQL 18.6", "kafka", "4.2.1"));
        results.put("settings", Map.of("events", 100_000, "clients", 16, "serviceJvmOptions", List.of("-Xmx768m"),
                "serviceProperties", Map.of()));
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("events", 100_000);
        pipeline.put("writeEventsPerSecond", 1_500.0);
        pipeline.put("pipelineEventsPerSecond", pipelineRate);
        pipeline.put("endToEndEventsPerSecond", 1_400.0);
        pipeline.put("relayRowsPerSecond", 30_000.0);
        pipeline.put("consumerEventsPerSecond", pipelineRate);
        pipeline.put("coresWhileWriting", Map.of("cms", 1.0));
        pipeline.put("coresWhileDraining", Map.of("cms", 0.1, "discovery", 0.8));
        pipeline.put("checks", List.of(Map.of("check", "every event applied exactly once", "ok", true,
                "detail", "100000 of 100000")));
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("path", "cms -> discovery");
        catalog.put("pipeline", pipeline);
        catalog.put("latency", List.of(Map.of("offeredPerSecond", 1000, "achievedPerSecond", 990.0,
                "p50Ms", 3.0, "p95Ms", 12.0, "p99Ms", p99, "maxMs", 45.0, "samples", 30_000,
                "measuredFrom", "answer")));
        catalog.put("raw", Map.of("kafka", Map.of("producerPerSecond", 100_000.0, "consumerPerSecond", 200_000.0),
                "postgres", Map.of("eventsPerSecond", 40_000.0), "ratio", ratio));
        results.put("flows", Map.of("catalog", catalog));
        results.put("memory", Map.of("cms-service", Map.of("peakHeapMiB", 300L, "peakRssMiB", 600L)));
        return results;
    }
}
