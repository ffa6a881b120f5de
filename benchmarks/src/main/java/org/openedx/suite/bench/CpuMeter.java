package org.openedx.suite.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.runner.SuiteService;

/**
 * Where the CPU went during a phase: the CPU time of each service, the broker, PostgreSQL (postmaster and backends)
 * and the benchmark itself, and what the rest of the machine used meanwhile (other people's builds on a shared
 * machine show up there). Read from {@code /proc}; in cores, i.e. CPU seconds per wall-clock second.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    record Snapshot(long nanos, Map<String, Long> ticks, long machineBusy, long machineTotal) {
    }

    private final Bench bench;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final long postmaster;

    CpuMeter(Bench bench) {
        this.bench = bench;
        for (SuiteService service : bench.suite.services()) {
            MemoryMonitor.processOf(bench.suite, "-jar", service.jarPath(bench.suite.repoRoot()).toString())
                    .ifPresent(process -> pids.put(service.shortName(), process.pid()));
        }
        this.postmaster = postmasterPid(bench.suite.postgres().dataDir());
    }

    Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, processTicks(pid, false)));
        MemoryMonitor.processOf(bench.suite, "kafka.Kafka")
                .ifPresent(broker -> ticks.put("kafka", processTicks(broker.pid(), false)));
        ticks.put("postgres", postgresTicks());
        ticks.put("benchmark", processTicks(ProcessHandle.current().pid(), false));
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), ticks, machine[0], machine[1]);
    }

    /** Cores used per process between two snapshots, plus {@code other} (the rest of the machine) and {@code idle}. */
    static Map<String, Double> between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        double ours = 0;
        for (Map.Entry<String, Long> entry : to.ticks().entrySet()) {
            long before = from.ticks().getOrDefault(entry.getKey(), entry.getValue());
            double used = (entry.getValue() - before) / TICKS_PER_SECOND / seconds;
            ours += used;
            cores.put(entry.getKey(), round(used));
        }
        double busy = (to.machineBusy() - from.machineBusy()) / TICKS_PER_SECOND / seconds;
        double total = (to.machineTotal() - from.machineTotal()) / TICKS_PER_SECOND / seconds;
        cores.put("other", round(Math.max(0, busy - ours)));
        cores.put("idle", round(Math.max(0, total - busy)));
        return cores;
    }

    static String describe(Map<String, Double> cores) {
        StringBuilder line = new StringBuilder();
        cores.forEach((name, used) -> line.append(line.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", used)));
        return line.toString();
    }

    private long postgresTicks() {
        if (postmaster <= 0) {
            return 0;
        }
        // backends that exited were reaped by the postmaster: their time is in its children's fields
        long ticks = processTicks(postmaster, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = stat(Long.parseLong(process.getFileName().toString()));
                if (stat != null && Long.parseLong(stat[3]) == postmaster) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that went away while we looked: counted next time through its parent
        }
        return ticks;
    }

    private static long processTicks(long pid, boolean withReapedChildren) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        if (withReapedChildren) {
            ticks += Long.parseLong(stat[15]) + Long.parseLong(stat[16]);
        }
        return ticks;
    }

    /** The fields of /proc/pid/stat, numbered as in proc(5) minus one; null when the process is gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces; everything after its closing parenthesis is space separated
            String rest = line.substring(line.lastIndexOf(')') + 2);
            String[] fields = rest.split(" ");
            String[] all = new String[fields.length + 2];
            System.arraycopy(fields, 0, all, 2, fields.length);
            return all;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] cpu = lines.get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long value = Long.parseLong(cpu[i]);
                total += value;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
