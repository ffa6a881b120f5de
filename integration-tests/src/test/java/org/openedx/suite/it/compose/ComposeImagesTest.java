package org.openedx.suite.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openedx.suite.it.support.RunningSuite;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.lifecycle.Startable;

/**
 * The images {@code docker compose up --build} makes, under test: Testcontainers' Compose support builds them from
 * the Dockerfile, starts docker-compose.yml, and once every service answers healthy on its published port
 * {@code scripts/demo.sh} drives the flows through those ports, as a user would. It needs a Docker-compatible engine
 * and a Compose command line; where either is missing it is reported as not run, with the reason (JUnit's "aborted"),
 * never passed. {@code ../shared/compose-check} runs the same file on the build machine, which has neither.
 */
class ComposeImagesTest {

    /** Building seven images and starting them on a 2-core machine. */
    private static final Duration UP = Duration.ofMinutes(20);

    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("LMS_URL", 18000);
        SERVICES.put("CMS_URL", 18010);
        SERVICES.put("CREDENTIALS_URL", 18150);
        SERVICES.put("DISCOVERY_URL", 18381);
        SERVICES.put("EXAMS_URL", 18740);
        SERVICES.put("INSIGHTS_URL", 18110);
    }

    @Test
    void the_images_built_from_the_dockerfile_come_up_healthy_and_the_demo_flows_pass_through_their_ports()
            throws Exception {
        // asked only where there is a sign of an engine: Testcontainers logs every strategy it tried at ERROR otherwise
        boolean engine = (System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock")))
                && DockerClientFactory.instance().isDockerAvailable();
        if (!engine) {
            notRun("no Docker-compatible engine is reachable (DOCKER_HOST is "
                    + (System.getenv("DOCKER_HOST") == null ? "not set" : System.getenv("DOCKER_HOST"))
                    + ", /var/run/docker.sock " + (Files.exists(Path.of("/var/run/docker.sock")) ? "does not answer"
                    : "does not exist") + ")");
        }
        StringBuilder whyNoCompose = new StringBuilder();
        ComposeCli cli = ComposeCli.find(whyNoCompose).orElse(null);
        if (cli == null) {
            notRun("no Compose command line: " + whyNoCompose);
        }

        Path root = RunningSuite.repoRoot();
        File file = root.resolve("docker-compose.yml").toFile();
        // the plugin through ComposeContainer, Compose v1 through DockerComposeContainer: both run the local command
        Startable compose = cli.command().size() == 2
                ? new ComposeContainer(file).withBuild(true).withRemoveVolumes(true)
                : new DockerComposeContainer(file).withBuild(true).withRemoveVolumes(true);
        compose.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            SERVICES.values().forEach(port -> await().atMost(UP).pollInterval(Duration.ofSeconds(5))
                    .ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200));

            Path output = Files.createTempFile("demo", ".txt");
            ProcessBuilder demo = new ProcessBuilder("bash", root.resolve("scripts/demo.sh").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            SERVICES.forEach((variable, port) -> demo.environment().put(variable, "http://localhost:" + port));
            Process run = demo.start();
            assertThat(run.waitFor(10, TimeUnit.MINUTES)).as("the demo ended").isTrue();
            assertThat(run.exitValue()).as("the demo's exit; its output:\n%s", read(output)).isZero();
        } finally {
            compose.stop();
        }
    }

    /** Said on the build's console too (surefire sends the tests' output to files), then reported as aborted. */
    private static void notRun(String why) {
        String line = "[suite] ComposeImagesTest not run: " + why;
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(line);
        Assumptions.abort(line);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
