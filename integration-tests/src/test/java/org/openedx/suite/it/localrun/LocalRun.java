package org.openedx.suite.it.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openedx.suite.runner.SuiteService;

/**
 * {@code scripts/run-local.sh --no-build} as a user starts it in a terminal, with its console in a file, stopped with
 * the terminal's Ctrl-C: a SIGINT to its process group.
 *
 * <p>The run gets a fresh data directory, {@code integration-tests/target/localrun-<timestamp>/} (through
 * {@code SUITE_DATA_DIR}), so a developer's own {@code .local/} is never touched; the data, the services' logs
 * ({@code logs/}), the console ({@code run-local.out}) and the demo's output ({@code demo.out}) stay there.
 */
final class LocalRun implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Pattern READY = Pattern.compile("^(\\S+-service)\\s+ready\\s");
    private static final Duration STOP_ON_CLOSE = Duration.ofMinutes(2);

    private final Path repository;
    private final Path console;
    private final Process process;
    private final boolean ownProcessGroup;
    private final Thread stopOnExit;

    private LocalRun(Path repository, Path console, Process process, boolean ownProcessGroup) {
        this.repository = repository;
        this.console = console;
        this.process = process;
        this.ownProcessGroup = ownProcessGroup;
        // a test JVM that ends early (Ctrl-C on the build) must not leave a suite holding the specification's ports
        this.stopOnExit = new Thread(this::stopQuietly, "local-run-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts run-local.sh from the repository root {@code root}, in its own process group where setsid exists. */
    static LocalRun start(Path root) {
        Path repository = root.resolve("integration-tests").resolve("target").resolve("localrun-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        Path console = repository.resolve("run-local.out");
        try {
            Files.createDirectories(repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<String> command = new ArrayList<>();
        boolean ownProcessGroup = Files.isExecutable(SETSID);
        if (ownProcessGroup) {
            // the child of a JVM is no process group leader, so setsid makes it one in place: its pid is the group's
            command.add(SETSID.toString());
        }
        if (sigintIgnoredHere()) {
            // a build started in the background of a script hands down an ignored SIGINT, and a JVM that starts with
            // SIGINT ignored never handles it; a terminal would not, so neither does the test
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(root.resolve("scripts").resolve("run-local.sh").toString());
        command.add("--no-build");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("SUITE_DATA_DIR", repository.toString());
            Process process = builder
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
            return new LocalRun(repository, console, process, ownProcessGroup);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for a ready line of every service, failing at once when the run exits, fails or skips a service. */
    void awaitReady(Duration timeout) {
        int all = SuiteService.values().length;
        await("a ready line of each of the " + all + " services").atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .failFast("run-local.sh stopped or gave up before the suite was ready", () -> {
                    assertThat(process.isAlive()).as("run-local.sh is running; its console:%n%s", output()).isTrue();
                    assertThat(lines()).as("run-local.sh's console").noneMatch(line -> line.startsWith("FAILED")
                            || line.contains(" SKIPPED "));
                })
                .untilAsserted(() -> assertThat(readyServices()).as("services ready; console:%n%s", output())
                        .hasSize(all));
    }

    /** The services that printed their ready line, in order. */
    Set<String> readyServices() {
        Set<String> ready = new LinkedHashSet<>();
        for (String line : lines()) {
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                ready.add(matcher.group(1));
            }
        }
        return ready;
    }

    /** The processes the run has started that are still running: the services, the broker and their helpers. */
    List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /** What Ctrl-C in the terminal does: SIGINT to the foreground process group. */
    void pressCtrlC() {
        String target = ownProcessGroup ? "-" + process.pid() : Long.toString(process.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", "--", target).redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kill.waitFor()).as("kill -INT -- %s: %s", target, said).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for run-local.sh to exit and returns its exit code; fails if it runs on past the timeout. */
    int awaitExit(Duration timeout) {
        try {
            assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                    .as("run-local.sh exited within %s of Ctrl-C; its console:%n%s", timeout, output()).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    List<String> lines() {
        try {
            return Files.exists(console) ? Files.readAllLines(console, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        return String.join(System.lineSeparator(), lines());
    }

    /** The run's data directory. */
    Path repository() {
        return repository;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or will run: it finds the run stopped
        }
    }

    /** Ctrl-C, then, if the run does not stop in time, SIGKILL (its reaper then kills the services). */
    private void stopQuietly() {
        if (!process.isAlive()) {
            return;
        }
        try {
            pressCtrlC();
            if (!process.waitFor(STOP_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
        }
    }

    /** Whether this JVM started with SIGINT ignored, which its children inherit (Linux only; elsewhere: no). */
    private static boolean sigintIgnoredHere() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (ignored & (1L << (2 - 1))) != 0; // bit n-1 stands for signal n; SIGINT is 2
                }
            }
            return false;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
