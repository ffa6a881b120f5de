package org.openedx.suite.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * A real OpenSearch 2.19 node (module {@code opensearch-node}, from OpenSearch's Maven Central jars) for the tests of
 * one JVM, started on first use in a process of its own and stopped with this JVM. A service test puts the service's
 * search indexes on it with {@link #searchIndexes}: Hibernate Search's Elasticsearch backend, as
 * {@code SEARCH_BACKEND=elasticsearch} does, with index names of the test's own.
 */
public final class RealOpenSearch {

    private static final String CLASSPATH_FILE = "META-INF/opensearch-node.classpath";
    private static final String MAIN = "org.openedx.suite.opensearchnode.OpenSearchNode";
    private static final String READY = "opensearch-node listening on port ";

    private static String uri;

    private RealOpenSearch() {
    }

    /**
     * For a test's {@code @DynamicPropertySource} method: the service's search indexes on this JVM's node, named
     * with a prefix of their own (the node is the JVM's, the tests' services are many).
     */
    public static void searchIndexes(DynamicPropertyRegistry registry) {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        registry.add("spring.jpa.properties.hibernate.search.backend.type", () -> "elasticsearch");
        registry.add("spring.jpa.properties.hibernate.search.backend.uris", RealOpenSearch::uri);
        registry.add("spring.jpa.properties.hibernate.search.backend.version", () -> "opensearch:2.19");
        registry.add("suite.search.index-prefix", () -> prefix);
    }

    /** The node's HTTP address, {@code http://127.0.0.1:<port>}. */
    public static synchronized String uri() {
        if (uri == null) {
            uri = "http://127.0.0.1:" + start();
        }
        return uri;
    }

    private static int start() {
        try {
            Path home = Files.createTempDirectory("suite-opensearch");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", classpath(), MAIN, home.toString()));
            Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, home), "opensearch-node-stop"));
            BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(READY)) {
                    drain(output);
                    return Integer.parseInt(line.substring(READY.length()).trim());
                }
                lines.add(line);
            }
            throw new IllegalStateException("the OpenSearch node ended before it listened:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the OpenSearch node", e);
        }
    }

    /** The launcher's jar (or classes directory) and the node's runtime classpath it was built with. */
    private static String classpath() throws IOException {
        URL file = RealOpenSearch.class.getClassLoader().getResource(CLASSPATH_FILE);
        if (file == null) {
            throw new IllegalStateException(CLASSPATH_FILE + " is not on the classpath: build module opensearch-node");
        }
        String self;
        try {
            self = switch (file.getProtocol()) {
                case "jar" -> Path.of(new URL(file.getPath().substring(0, file.getPath().indexOf("!/"))).toURI())
                        .toString();
                case "file" -> Path.of(file.toURI()).getParent().getParent().toString();
                default -> throw new IllegalStateException("cannot start the OpenSearch node from " + file);
            };
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = file.openStream()) {
            return self + java.io.File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** Keeps reading the node's output, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // the node logs errors only; they are in its home directory's logs if configured
                }
            } catch (IOException ignored) {
                // the node stopped
            }
        }, "opensearch-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Ended at once: its data is thrown away with its home directory. */
    private static void stop(Process node, Path home) {
        node.destroyForcibly();
        try {
            node.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FileSystemUtils.deleteRecursively(home.toFile());
    }
}
