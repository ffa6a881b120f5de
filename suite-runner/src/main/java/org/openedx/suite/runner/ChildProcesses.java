package org.openedx.suite.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** What the broker and the services have in common as child processes of the runner. */
final class ChildProcesses {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildProcesses() {
    }

    /** The java launcher of the JVM running this code, so children run on the same JDK. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The start of a child's command line. Children get their own session so that a Ctrl-C in the terminal reaches
     * only the runner, which then stops the services before the broker and the database they depend on.
     */
    static List<String> commandPrefix() {
        List<String> prefix = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            prefix.add(SETSID.toString());
        }
        return prefix;
    }

    /**
     * This JVM's classpath, for children that run classes from it (the broker).
     *
     * @throws IllegalStateException when the classpath is a manifest-only jar (surefire's default), which children
     *                               started with {@code -cp} could not use
     */
    static String ownClasspath() {
        String classpath = System.getProperty("java.class.path", "");
        String[] entries = classpath.split(java.io.File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                if (manifest != null && manifest.getMainAttributes().getValue("Class-Path") != null) {
                    throw new IllegalStateException("The Kafka broker runs with this JVM's classpath, but it is the "
                            + "manifest-only jar " + entries[0] + ". Run with a real classpath (java -cp ...; for "
                            + "maven-surefire-plugin set <useManifestOnlyJar>false</useManifestOnlyJar>).");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classpath;
    }

    /**
     * Waits up to {@code pause} for the process to exit: the pause between two readiness checks, cut short when the
     * process dies so the caller notices at once.
     */
    static void pauseUnlessExited(Process process, Duration pause) {
        try {
            process.onExit().get(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException expected) {
            // still running: time for the next check
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + process, e);
        }
    }

    /** Stops a process: SIGTERM, then SIGKILL if it is still running after {@code grace}. */
    static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a process at once: SIGKILL, as a crash would. */
    static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a log file, for error messages that should explain themselves. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "last " + last.size() + " lines of " + file + ":\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    static void appendLine(Path file, String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
