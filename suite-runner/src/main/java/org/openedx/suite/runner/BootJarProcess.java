package org.openedx.suite.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Spring Boot jar run as its own JVM ({@code java -jar}), configured only through environment variables, with its
 * output (stdout and stderr) appended to {@link #logFile()}, a marker line for every start: what a service of the
 * suite and the integration sandbox have in common.
 */
public abstract sealed class BootJarProcess implements AutoCloseable permits ServiceProcess, SandboxProcess {

    /**
     * Options that start a Spring Boot service quickly on a small shared machine: the C1 compiler only (most of a
     * start-up is spent compiling code that runs once), the serial collector (no GC threads competing for 2 cores),
     * small thread stacks and a bounded heap.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx384m",
            "-Djava.awt.headless=true");

    /** A generous bound for a service to become healthy while others start beside it on 2 cores. */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final int LOG_LINES_ON_FAILURE = 50;

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    BootJarProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile,
                   List<String> jvmOptions) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts the JVM again unless it runs, without waiting: see {@link #awaitHealthy(Duration)}. */
    public synchronized void launch() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(ChildProcesses.commandPrefix());
        command.add(ChildProcesses.javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ChildProcesses.appendLine(logFile, "=== " + Instant.now() + " starting " + name + " on port " + port);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        ProcessReaper.watch(process.pid(), "KILL");
    }

    /** Starts the JVM again (after {@link #stop()} or {@link #kill()}) and waits until it is healthy. */
    public void start() {
        launch();
        awaitHealthy(DEFAULT_HEALTH_TIMEOUT);
    }

    /** Stops the JVM gracefully (SIGTERM), starts it again and waits until it is healthy. */
    public void restart() {
        stop();
        start();
    }

    /** Stops the JVM gracefully (SIGTERM, as docker stop or Ctrl-C would) and waits for it to exit. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, STOP_GRACE);
            ProcessReaper.forget(process.pid());
        }
    }

    /** Kills the JVM (SIGKILL): a crash, with no chance to finish what it was doing. */
    public synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
            ProcessReaper.forget(process.pid());
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until {@code /actuator/health} answers 200 with status UP.
     *
     * @throws IllegalStateException with the end of the log when the JVM exits or the time runs out
     */
    public void awaitHealthy(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        URI health = URI.create(baseUrl() + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + current.exitValue()
                        + " before it was healthy; " + ChildProcesses.tail(logFile, LOG_LINES_ON_FAILURE));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find()) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not healthy within " + timeout + " (last answer from "
                        + health + ": " + lastAnswer + "); " + ChildProcesses.tail(logFile, LOG_LINES_ON_FAILURE));
            }
            ChildProcesses.pauseUnlessExited(current, CHECK_INTERVAL);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " on " + baseUrl();
    }
}
