package org.openedx.suite.it.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.LocalSuite;
import org.openedx.suite.runner.Ports;
import org.openedx.suite.runner.SandboxProcess;
import org.openedx.suite.runner.SuiteService;

/**
 * The local run as the README hands it to users: {@code scripts/run-local.sh} starts Kafka, PostgreSQL and the five
 * services on the ports of the specification, {@code scripts/demo.sh} drives the three core flows against it with
 * curl, and Ctrl-C stops all of it.
 *
 * <p>The run needs the specification's ports. The other integration tests run their suite on free ports, so only a
 * developer's own local suite or docker compose can hold them, and then this test says so instead of waiting.
 */
class LocalRunDemoTest {

    private static final Path ROOT = RunningSuite.repoRoot();

    /** Kafka, PostgreSQL and six JVMs (and the sandbox's) starting side by side on a small machine. */
    private static final Duration READY = Duration.ofMinutes(4);
    /** demo.sh gives each event's effect a minute itself; this only bounds a demo that hangs. */
    private static final Duration DEMO = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);

    private static final int EXIT_ON_SIGINT = 128 + 2;

    @Test
    void the_demo_drives_the_flows_through_the_local_run_and_ctrl_c_stops_everything() throws IOException {
        assertSpecificationPortsAreFree();

        try (LocalRun run = LocalRun.start(ROOT)) {
            run.awaitReady(READY);
            assertThat(run.readyServices()).containsExactlyInAnyOrder(Arrays.stream(SuiteService.values())
                    .map(SuiteService::module).toArray(String[]::new));

            Demo demo = runDemo(run.repository().resolve("demo.out"), run.repository());
            assertThat(demo.exitCode()).as("demo.sh's exit code; its output:%n%s", demo.output()).isZero();
            assertThat(demo.lines()).as("demo.sh's output").last().isEqualTo("demo: all 4 flows OK");
            assertThat(demo.output()).as("demo.sh's output").contains(
                    "Flow 1 OK: Discovery shows what the CMS published",
                    "title=Physics 101: Mechanics pacing_type=self_paced",
                    "Flow 2 OK: certificates drive credentials; audit earns none",
                    "status=downloadable mode=verified",
                    "status=awarded certificate_type=verified",
                    "status=notpassing mode=verified",
                    "status=revoked certificate_type=verified",
                    "Flow 3 OK: exam verdicts reach the LMS and, through it, Credentials",
                    "override={\"earned\":0.0,\"feature\":\"proctoring\"}",
                    "namespace=exam status=satisfied",
                    "Flow 4 OK: what learners and staff did reached insights as xAPI statements and the course's "
                            + "figures");

            List<ProcessHandle> started = run.children();
            assertThat(started).as("processes started by the run").isNotEmpty();
            run.pressCtrlC();
            assertThat(run.awaitExit(STOP)).as("exit code after Ctrl-C; console:%n%s", run.output())
                    .isEqualTo(EXIT_ON_SIGINT);
            assertThat(run.lines()).as("run-local.sh's console").contains("Stopping the suite ...", "Stopped.");
            await("everything the run started to be gone").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(started).as("processes started by the run").noneMatch(ProcessHandle::isAlive);
                assertThat(specificationPorts().keySet()).as("ports something still listens on")
                        .noneMatch(LocalRunDemoTest::listening);
            });
        }
    }

    /**
     * scripts/demo.sh with its defaults: the services on localhost at the ports of the specification, the operator's
     * secret where the run keeps it (the run's {@code SUITE_DATA_DIR}, as in the shell that started it).
     */
    private static Demo runDemo(Path output, Path dataDir) {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("scripts").resolve("demo.sh").toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        for (String variable : List.of("CMS_URL", "DISCOVERY_URL", "LMS_URL", "CREDENTIALS_URL", "EXAMS_URL",
                "DEMO_TIMEOUT", "SUITE_ADMIN_CLIENT_SECRET")) {
            builder.environment().remove(variable);
        }
        builder.environment().put("SUITE_DATA_DIR", dataDir.toString());
        try {
            Process demo = builder.start();
            boolean ended = demo.waitFor(DEMO.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                demo.destroyForcibly().waitFor();
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            System.out.println(String.join(System.lineSeparator(), lines));
            assertThat(ended).as("demo.sh ended within %s; its output:%n%s", DEMO, String.join("\n", lines)).isTrue();
            return new Demo(demo.exitValue(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Demo(int exitCode, List<String> lines) {

        String output() {
            return String.join(System.lineSeparator(), lines);
        }
    }

    private static void assertSpecificationPortsAreFree() {
        List<String> busy = specificationPorts().entrySet().stream()
                .filter(port -> !Ports.isFree(port.getKey()))
                .map(port -> port.getKey() + " (" + port.getValue() + ")")
                .toList();
        assertThat(busy).as("The local run needs the ports of the specification, but something listens on %s. "
                + "Is a local suite (scripts/run-local.sh) or docker compose running? Stop it, then run this test "
                + "again.", busy).isEmpty();
    }

    private static Map<Integer, String> specificationPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(LocalSuite.KAFKA_PORT, "Kafka");
        ports.put(LocalSuite.POSTGRES_PORT, "PostgreSQL");
        for (SuiteService service : SuiteService.values()) {
            ports.put(service.specPort(), service.module());
        }
        ports.put(SandboxProcess.SPEC_PORT, SandboxProcess.MODULE);
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
