package org.openedx.suite.it.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker Compose command line, which knows the compose file format better than any reading of ours can: the
 * plugin ({@code docker compose}) or the standalone v1 ({@code docker-compose}). Neither needs a Docker engine to
 * check a file.
 *
 * @param command the words that start it, e.g. {@code [docker, compose]}
 * @param version as the command reports it, e.g. {@code 1.29.2}
 */
record ComposeCli(List<String> command, String version) {

    /** {@code --profile} came with Compose 1.28; an older v1 rejects the profiles in our file. */
    private static final int[] PROFILES_SINCE = {1, 28};

    /** Only a guard against a hung child process; a check of a file takes a second or two. */
    private static final long TIMEOUT_MINUTES = 2;

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)[\\w.+-]*");

    /** How a command ended and what it wrote. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    /**
     * The compose command on this machine that can check our file: the plugin first, as the README uses it.
     *
     * @return empty, with {@code whyNot} filled in, when there is none
     */
    static Optional<ComposeCli> find(StringBuilder whyNot) {
        List<String> tried = new ArrayList<>();
        for (List<String> command : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> asksVersion = new ArrayList<>(command);
            asksVersion.addAll(List.of("version", "--short"));
            Optional<String> version = versionFrom(asksVersion);
            String name = String.join(" ", command);
            if (version.isEmpty()) {
                tried.add("`" + name + "` is not installed");
            } else if (!supportsProfiles(version.get())) {
                tried.add("`" + name + "` is " + version.get() + ", older than 1.28, which cannot read profiles");
            } else {
                return Optional.of(new ComposeCli(command, version.get()));
            }
        }
        whyNot.append(String.join("; ", tried));
        return Optional.empty();
    }

    /** Runs the command with these arguments in a folder. */
    Outcome run(Path workingDirectory, List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        return execute(full, workingDirectory).orElseThrow(
                () -> new IllegalStateException("cannot run " + String.join(" ", full)));
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " " + version;
    }

    private static Optional<String> versionFrom(List<String> command) {
        // the plugin answers "v2.29.1" to --short; a docker CLI without it fails with "unknown flag" or "unknown command"
        return execute(command, Path.of("."))
                .filter(outcome -> outcome.exitCode() == 0)
                .flatMap(outcome -> {
                    Matcher version = VERSION.matcher(outcome.stdout());
                    return version.find() ? Optional.of(version.group()) : Optional.empty();
                });
    }

    private static boolean supportsProfiles(String version) {
        Matcher parts = VERSION.matcher(version);
        if (!parts.find()) {
            return false;
        }
        int major = Integer.parseInt(parts.group(1));
        int minor = Integer.parseInt(parts.group(2));
        return major > PROFILES_SINCE[0] || (major == PROFILES_SINCE[0] && minor >= PROFILES_SINCE[1]);
    }

    /** Empty when there is no such program. */
    private static Optional<Outcome> execute(List<String> command, Path workingDirectory) {
        try {
            // files, not pipes: a child that fills a pipe nobody reads yet would never exit
            Path stdout = Files.createTempFile("compose-stdout", ".txt");
            Path stderr = Files.createTempFile("compose-stderr", ".txt");
            try {
                Process process;
                try {
                    process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
                } catch (IOException notInstalled) {
                    return Optional.empty();
                }
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                            + TIMEOUT_MINUTES + " minutes");
                }
                return Optional.of(new Outcome(process.exitValue(), Files.readString(stdout),
                        Files.readString(stderr)));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
