package org.openedx.suite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Memory of each service during the run: the heap in use, sampled every second from the service's own metrics
 * ({@code jvm.memory.used}, area heap), keeping the peak; and at the end the peak resident set size the kernel
 * recorded for its process ({@code VmHWM} in {@code /proc/<pid>/status}).
 */
final class MemoryMonitor implements AutoCloseable {

    private final Bench bench;
    private final Map<SuiteService, Long> peakHeap = new EnumMap<>(SuiteService.class);
    private final Thread sampler;
    private volatile boolean running = true;

    MemoryMonitor(Bench bench) {
        this.bench = bench;
        this.sampler = new Thread(this::sample, "memory-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    private void sample() {
        while (running) {
            for (SuiteService service : bench.suite.services()) {
                try {
                    Rest.Answer answer = bench.rest.get(bench.url(service,
                            "/actuator/metrics/jvm.memory.used?tag=area:heap"));
                    if (answer.ok()) {
                        long used = (long) answer.json().path("measurements").path(0).path("value").asDouble();
                        synchronized (peakHeap) {
                            peakHeap.merge(service, used, Math::max);
                        }
                    }
                } catch (RuntimeException e) {
                    // a sample missed while a service is busy is no reason to stop sampling
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Per service: peak heap used and peak RSS, in MiB. */
    Map<String, Map<String, Object>> peaks() {
        Map<String, Map<String, Object>> peaks = new LinkedHashMap<>();
        for (SuiteService service : bench.suite.services()) {
            Map<String, Object> memory = new LinkedHashMap<>();
            synchronized (peakHeap) {
                memory.put("peakHeapMiB", mib(peakHeap.getOrDefault(service, -1L)));
            }
            Optional<ProcessHandle> process = processOf(bench.suite, "-jar",
                    service.jarPath(bench.suite.repoRoot()).toString());
            memory.put("peakRssMiB", process.map(p -> mib(statusKb(p.pid(), "VmHWM") * 1024)).orElse(-1L));
            memory.put("rssNowMiB", process.map(p -> mib(statusKb(p.pid(), "VmRSS") * 1024)).orElse(-1L));
            peaks.put(service.module(), memory);
        }
        processOf(bench.suite, "kafka.Kafka").ifPresent(broker -> peaks.put("kafka broker", Map.of(
                "peakHeapMiB", -1L, "peakRssMiB", mib(statusKb(broker.pid(), "VmHWM") * 1024),
                "rssNowMiB", mib(statusKb(broker.pid(), "VmRSS") * 1024))));
        return peaks;
    }

    /** The child process of this JVM whose command line holds all these words (setsid execs, so pids match). */
    static Optional<ProcessHandle> processOf(Suite suite, String... words) {
        return ProcessHandle.current().descendants().filter(process -> {
            String commandLine = commandLine(process.pid());
            for (String word : words) {
                if (!commandLine.contains(word)) {
                    return false;
                }
            }
            return true;
        }).findFirst();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone or unreadable: reported as unknown
        }
        return -1;
    }

    private static long mib(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
