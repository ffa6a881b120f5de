package org.openedx.suite.opensearchnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch cluster, the real server with the HTTP layer and the common analysis components, as the
 * {@code opensearchproject/opensearch} image runs it with {@code discovery.type=single-node} and no security plugin.
 * Started by test-support in a process of its own: {@code OpenSearchNode <home directory>}; it prints
 * {@value #READY}{@code <port>} once it answers HTTP on 127.0.0.1, and stops when its standard input closes (the
 * process that started it is gone).
 */
public final class OpenSearchNode {

    public static final String READY = "opensearch-node listening on port ";

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("cluster.name", "suite-tests")
                .put("node.name", "node-1")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                // a test machine's disk may be fuller than a server's: never refuse to allocate a shard for that
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        Node node = new ClasspathNode(settings).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "opensearch-node-stop"));
        int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        System.out.println(READY + port);
        System.out.flush();
        InputStream parent = System.in;
        while (parent.read() >= 0) {
            // nothing is sent: the stream closes when the process that started this one ends
        }
        System.exit(0);
    }

    private static void close(Node node) {
        try {
            node.close();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    /** A node whose plugins are on the classpath instead of in a plugins directory. */
    private static final class ClasspathNode extends Node {

        ClasspathNode(Settings settings) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "node-1"),
                    List.<Class<? extends Plugin>>of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
        }
    }
}
