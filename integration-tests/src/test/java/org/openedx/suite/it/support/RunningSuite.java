package org.openedx.suite.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openedx.suite.runner.ServiceProcess;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The suite the cross-service tests run against: one per test JVM, started on first use and stopped when the JVM
 * exits, on free ports with a fresh data directory under {@code integration-tests/target/suite-<timestamp>/} (the
 * services' logs are in its {@code logs/}).
 *
 * <p>{@link #with} starts the services a test needs unless they run already, so running one test class starts only
 * what it uses. It also brings back a broker or service that an earlier fault test left stopped, so one test's
 * failure cannot spill into the next.
 */
public final class RunningSuite {

    /** {@code EVENT_BUS_TOPIC_PREFIX} of the services under test: a prefix, so the tests check it is honoured. */
    public static final String TOPIC_PREFIX = "it";

    private static Suite suite;
    private static final Map<SuiteService, RuntimeException> failures = new EnumMap<>(SuiteService.class);

    private RunningSuite() {
    }

    /**
     * Who issues the running suite's tokens, the LMS, started now if no test started it yet; null while no suite runs
     * or while a fault test holds the LMS stopped.
     */
    static synchronized ServiceProcess.Identity identityIfRunning() {
        if (suite == null) {
            return null;
        }
        if (!suite.services().contains(SuiteService.LMS)) {
            with(SuiteService.LMS);
        }
        return suite.service(SuiteService.LMS).isRunning() ? suite.identity() : null;
    }

    /**
     * The running suite with (at least) these services healthy.
     *
     * @throws IllegalStateException when a service's jar is not built ({@code ./mvnw package -DskipTests})
     */
    public static synchronized Suite with(SuiteService... services) {
        Set<SuiteService> wanted = services.length == 0 ? EnumSet.noneOf(SuiteService.class) : EnumSet.of(
                services[0], services);
        Path root = repoRoot();
        List<String> notBuilt = new ArrayList<>();
        for (SuiteService service : wanted) {
            String whyNot = service.whyNotBuilt(root);
            if (whyNot != null) {
                notBuilt.add(whyNot);
            }
        }
        if (!notBuilt.isEmpty()) {
            throw new IllegalStateException(String.join("\n", notBuilt));
        }
        for (SuiteService service : wanted) {
            RuntimeException earlier = failures.get(service);
            if (earlier != null) {
                // failing fast: waiting out the same start-up failure in every test class would only cost time
                throw new IllegalStateException(service.module() + " failed to start earlier in this test run",
                        earlier);
            }
        }
        try {
            if (suite == null) {
                Suite started = Suite.builder(root)
                        .dataDir(root.resolve("integration-tests").resolve("target").resolve("suite-"
                                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))))
                        .freePorts()
                        .topicPrefix(TOPIC_PREFIX)
                        // the tests act as learners too
                        .devTokens(true)
                        // the stand-in for the systems the LMS calls out to (webhooks, certificates, plagiarism)
                        .sandbox(true)
                        .services(wanted)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "running-suite-shutdown"));
                suite = started;
                return suite;
            }
            if (!suite.kafka().isRunning()) {
                suite.kafka().start();
            }
            suite.startServices(wanted);
            return suite;
        } catch (RuntimeException e) {
            for (SuiteService service : wanted) {
                if (suite == null || !suite.services().contains(service) || !suite.service(service).isRunning()) {
                    failures.put(service, e);
                }
            }
            throw e;
        }
    }

    /** The repository root: {@code suite.root} (set by the build), else the nearest folder up with {@code mvnw}. */
    public static Path repoRoot() {
        String configured = System.getProperty("suite.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root: set -Dsuite.root=<path>");
        }
        return dir;
    }
}
