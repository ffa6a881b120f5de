package org.openedx.suite.runner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The users' local run: the whole suite on the ports of the specification, and the integration sandbox on
 * {@value SandboxProcess#SPEC_PORT} (the LMS pointed at it), data under {@code .local/} in the repository (kept across
 * runs), until Ctrl-C.
 *
 * <p>Usage: {@code java -cp suite-runner.jar:lib/* org.openedx.suite.runner.LocalSuite [repo-root]} (see
 * {@code scripts/run-local.sh}). The system property {@code suite.jvmOptions} (space separated) replaces the services'
 * JVM options. Services not built yet are skipped with a warning, and so is the sandbox. The environment variable
 * {@code SUITE_PLAGIARISM_SECRET} chooses the secret of the sandbox's plagiarism callbacks (default: a random one).
 */
public final class LocalSuite {

    public static final int KAFKA_PORT = 9092;
    public static final int POSTGRES_PORT = 15432;

    private static final String LOG_CONFIGURATION = "org/openedx/suite/runner/local-log4j2.xml";
    private static final PrintStream out = System.out;

    private LocalSuite() {
    }

    public static void main(String[] args) throws InterruptedException {
        // before anything logs: the console is for the lines below, library chatter goes nowhere below WARN
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:" + LOG_CONFIGURATION);
        }
        Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("suite.root", ".")).toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            fail("Not the repository root (no pom.xml): " + root);
        }
        // SUITE_DATA_DIR lets a second run (a test, say) keep its data apart from the developer's own .local/
        String configuredDataDir = System.getenv("SUITE_DATA_DIR");
        Path dataDir = configuredDataDir == null || configuredDataDir.isBlank() ? root.resolve(".local")
                : root.resolve(configuredDataDir).toAbsolutePath().normalize();
        requireFree(KAFKA_PORT, "Kafka");
        requireFree(POSTGRES_PORT, "PostgreSQL");

        Set<SuiteService> services = EnumSet.noneOf(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            Path jar = root.relativize(service.jarPath(root));
            if (service.isBuilt(root)) {
                requireFree(service.specPort(), service.module());
                services.add(service);
            } else if (Files.exists(service.jarPath(root))) {
                out.printf("%-19s SKIPPED  %s is not a runnable Spring Boot jar yet (no Main-Class)%n",
                        service.module(), jar);
            } else {
                out.printf("%-19s SKIPPED  not built: %s is missing (./mvnw package -DskipTests)%n",
                        service.module(), jar);
            }
        }

        boolean sandbox = SandboxProcess.isBuilt(root);
        if (sandbox) {
            requireFree(SandboxProcess.SPEC_PORT, SandboxProcess.MODULE);
        } else {
            out.printf("%-19s SKIPPED  not built: %s is missing or not executable (./mvnw package -DskipTests)%n",
                    SandboxProcess.MODULE, root.relativize(SandboxProcess.jarPath(root)));
        }

        out.println("Starting Kafka and PostgreSQL (data in " + shown(root, dataDir) + "/) ...");
        long started = System.nanoTime();
        Suite suite = Suite.builder(root)
                .dataDir(dataDir)
                .specPorts()
                .kafkaPort(KAFKA_PORT)
                .postgresPort(POSTGRES_PORT)
                .services(services)
                .serviceJvmOptions(jvmOptions())
                .adminClientSecret(System.getenv("SUITE_ADMIN_CLIENT_SECRET"))
                .devTokens(Boolean.parseBoolean(System.getenv("SUITE_DEV_TOKENS")))
                .sandbox(sandbox)
                .plagiarismSecret(System.getenv("SUITE_PLAGIARISM_SECRET"))
                .onInfrastructureReady(LocalSuite::printInfrastructure)
                .onServiceReady(LocalSuite::printReady)
                .onSandboxReady(LocalSuite::printSandboxReady)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the suite ...");
            suite.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "local-suite-shutdown"));

        try {
            suite.start();
        } catch (RuntimeException e) {
            if (stopped.getCount() == 0 || isShuttingDown()) {
                return;
            }
            out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.printf("Suite ready in %.1f s: %d of %d services running%s; logs in %s/. Press Ctrl-C to stop.%n",
                took.toMillis() / 1000.0, suite.services().size(), SuiteService.values().length,
                suite.hasSandbox() ? ", and the integration sandbox" : "", shown(root, dataDir.resolve("logs")));
        // the operator's secret where scripts/token.sh finds it; SUITE_ADMIN_CLIENT_SECRET chooses it
        PrivateFiles.write(dataDir.resolve("identity").resolve("admin-client-secret"),
                suite.identity().adminClientSecret());
        out.println("Operator token: scripts/token.sh   (a user's: scripts/token.sh --user NAME, with "
                + "SUITE_DEV_TOKENS=true)");
        // everything runs in child processes; this thread only has to keep the JVM (and its shutdown hook) alive
        stopped.await();
    }

    private static void printInfrastructure(Suite suite) {
        out.printf("%-19s ready  %s  (SASL/SCRAM-SHA-512; user admin, password in %s)%n", "kafka",
                suite.kafka().bootstrapServers(), suite.kafka().dataDir().resolve("admin.password"));
        out.printf("%-19s ready  %s  (one database per service, user = password = database name)%n",
                "postgresql", suite.postgres().jdbcUrl(""));
    }

    private static void printReady(ServiceProcess service) {
        out.printf("%-19s ready  %s  (OpenAPI: %s/swagger-ui.html)%n",
                service.service().module(), service.baseUrl(), service.baseUrl());
    }

    private static void printSandboxReady(SandboxProcess sandbox) {
        out.printf("%-19s ready  %s  (stand-in for external systems, no authentication; what it received: "
                + "%s/api/received)%n", SandboxProcess.MODULE, sandbox.baseUrl(), sandbox.baseUrl());
    }

    private static List<String> jvmOptions() {
        String configured = System.getProperty("suite.jvmOptions");
        if (configured == null || configured.isBlank()) {
            return ServiceProcess.DEFAULT_JVM_OPTIONS;
        }
        return new ArrayList<>(Arrays.asList(configured.trim().split("\\s+")));
    }

    private static void requireFree(int port, String what) {
        if (!Ports.isFree(port)) {
            fail("Port " + port + " for " + what + " is in use. Is another local suite (or docker compose) running?");
        }
    }

    private static boolean isShuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void fail(String message) {
        out.println("FAILED " + message);
        System.exit(1);
    }

    /** A path as the user would type it: relative to the repository when inside it. */
    private static Path shown(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }
}
