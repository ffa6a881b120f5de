package org.openedx.suite.testsupport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;

/**
 * Where the tests' real PostgreSQL and Kafka run, decided once per JVM and said once: {@link #EMBEDDED} (started from
 * Maven artifacts in this machine's processes: no Docker needed) or {@link #CONTAINERS} (Testcontainers, the images
 * docker-compose.yml uses). The system property {@code suite.infra} (or the environment variable {@code SUITE_INFRA})
 * chooses: {@code embedded}; {@code containers}, which fails naming the cause when no Docker-compatible engine is
 * reachable; or {@code auto}, the default: containers when an engine is reachable, embedded otherwise. The choice
 * never skips a test.
 */
public enum SuiteInfrastructure {

    EMBEDDED, CONTAINERS;

    public static final String PROPERTY = "suite.infra";

    private static SuiteInfrastructure chosen;

    /** This JVM's choice, made (and printed) on first use. */
    public static synchronized SuiteInfrastructure current() {
        if (chosen == null) {
            String asked = System.getProperty(PROPERTY, System.getenv().getOrDefault("SUITE_INFRA", "auto"))
                    .trim().toLowerCase(Locale.ROOT);
            chosen = switch (asked) {
                case "embedded" -> said(EMBEDDED, "as asked (" + PROPERTY + "=embedded)");
                case "containers" -> {
                    String engine = askTestcontainers();
                    if (engine == null) {
                        throw new IllegalStateException(PROPERTY + "=containers, but no Docker-compatible engine is "
                                + "reachable: " + whyNoEngine() + ". Start one (or point DOCKER_HOST at one; "
                                + "TESTCONTAINERS_RYUK_DISABLED=true where Ryuk cannot run), or use "
                                + PROPERTY + "=embedded");
                    }
                    yield said(CONTAINERS, "as asked (" + PROPERTY + "=containers), on " + engine);
                }
                case "auto", "" -> {
                    String engine = reachableEngine().orElse(null);
                    yield engine != null ? said(CONTAINERS, "a Docker-compatible engine is reachable (" + engine
                            + "; -D" + PROPERTY + "=embedded to run without it)")
                            : said(EMBEDDED, "no Docker-compatible engine is reachable (" + whyNoEngine() + "; -D"
                            + PROPERTY + "=containers to require one)");
                }
                default -> throw new IllegalArgumentException(PROPERTY + " must be auto, embedded or containers, not '"
                        + asked + "'");
            };
        }
        return chosen;
    }

    private static SuiteInfrastructure said(SuiteInfrastructure choice, String why) {
        String what = choice == EMBEDDED ? "embedded PostgreSQL and Kafka, from Maven artifacts"
                : "PostgreSQL and Kafka in containers (Testcontainers: " + RealPostgres.IMAGE + ", " + RealKafka.IMAGE
                + ")";
        String line = "[suite] test infrastructure: " + what + ": " + why;
        System.out.println(line);
        // also past surefire's redirection of the tests' output to files, so that the build's console says it once
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println(line);
        return choice;
    }

    /**
     * The Docker-compatible engine Testcontainers reaches, if any; a machine that shows no sign of one (no
     * {@code DOCKER_HOST}, no socket in the usual places, no {@code ~/.testcontainers.properties}) is not asked, as
     * Testcontainers would log every strategy it tried at ERROR.
     */
    public static Optional<String> reachableEngine() {
        return hinted() ? Optional.ofNullable(askTestcontainers()) : Optional.empty();
    }

    /** Where an engine was looked for and what was found, for a message that says why there is none. */
    public static String whyNoEngine() {
        List<String> looked = new ArrayList<>();
        looked.add("DOCKER_HOST " + (System.getenv("DOCKER_HOST") == null ? "is not set"
                : "= " + System.getenv("DOCKER_HOST") + " does not answer"));
        sockets().forEach(socket -> looked.add(socket + (Files.exists(socket) ? " does not answer" : " does not exist")));
        return String.join(", ", looked);
    }

    private static String askTestcontainers() {
        try {
            DockerClientFactory docker = DockerClientFactory.instance();
            return docker.isDockerAvailable() ? docker.getTransportConfig().getDockerHost().toString() : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Whether there is any sign of an engine at all, so that a machine without one is not asked (Testcontainers logs
     * every strategy it tried, at ERROR, when it finds none).
     */
    private static boolean hinted() {
        if (System.getenv("DOCKER_HOST") != null || Files.exists(userHome().resolve(".testcontainers.properties"))) {
            return true;
        }
        return sockets().stream().anyMatch(Files::exists);
    }

    private static List<Path> sockets() {
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                userHome().resolve(".docker/run/docker.sock")));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null) {
            sockets.add(Path.of(runtime, "docker.sock"));
            sockets.add(Path.of(runtime, "podman/podman.sock"));
        }
        return sockets;
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }
}
