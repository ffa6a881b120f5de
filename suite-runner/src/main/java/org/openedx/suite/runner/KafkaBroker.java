package org.openedx.suite.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in its own JVM, so that tests can kill it and start
 * it again on the same port and data, as a crashed broker would come back.
 *
 * <p>The broker runs the {@code kafka_2.13} classes from this JVM's classpath ({@code java.class.path}): callers must
 * run with a real classpath, not a manifest-only jar (for maven-surefire-plugin: {@code useManifestOnlyJar=false}).
 *
 * <p>Files in {@code dataDir}: {@code server.properties}, {@code kraft-logs/} (the data), {@code broker.log} (Log4j,
 * WARN and above) and {@code broker-console.log} (the JVM's own output, including formatting the storage).
 */
public final class KafkaBroker implements AutoCloseable {

    /** Small and quick to start: a broker for a handful of topics on a shared 2-core machine. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    /** System property to make the broker log more than warnings (to {@code broker.log}), e.g. INFO. */
    public static final String LOG_LEVEL_PROPERTY = "suite.kafka.logLevel";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    /** The broker's own principal, a super user: it formats the storage with it and lets the runner set up ACLs. */
    public static final String ADMIN = "admin";
    private static final String CONTROLLER = "controller";
    private static final String SCRAM = "SCRAM-SHA-512";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final String adminPassword;
    private final String controllerPassword = UUID.randomUUID().toString().replace("-", "");
    private Process process;

    private KafkaBroker(Path dataDir, int port, List<String> jvmOptions) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = Ports.free();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.adminPassword = adminPassword();
    }

    /**
     * Starts a broker listening on {@code 127.0.0.1:port}, formatting {@code dataDir} first if it is new. Clients log
     * in with SASL/SCRAM-SHA-512 ({@link #clientProperties}) and are held to ACLs; there is no anonymous listener.
     */
    public static KafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, DEFAULT_JVM_OPTIONS);
    }

    public static KafkaBroker start(Path dataDir, int port, List<String> jvmOptions) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, jvmOptions);
        broker.start();
        return broker;
    }

    /** Starts the broker again (after {@link #stop()} or {@link #kill()}) on the same port and data; waits until ready. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        writeConfiguration();
        formatStorageOnce();
        List<String> command = command("kafka.Kafka", serverProperties().toString());
        ChildProcesses.appendLine(consoleLog(), "=== " + Instant.now() + " starting the broker on port " + port);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker: " + command, e);
        }
        ProcessReaper.watch(process.pid(), "KILL");
        try {
            awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    /** Stops the broker gracefully (SIGTERM: controlled shutdown, logs flushed) and waits for it to exit. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, STOP_GRACE);
            ProcessReaper.forget(process.pid());
        }
    }

    /** Kills the broker (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
            ProcessReaper.forget(process.pid());
        }
    }

    /** Stops the broker gracefully and starts it again on the same port and data. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Waits until the broker answers metadata requests; fails early if its process exits. */
    public void awaitReady(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            throw new IllegalStateException("the Kafka broker was never started");
        }
        Properties admin = new Properties();
        admin.putAll(adminClientProperties());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        admin.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "1000");
        admin.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "2000");
        admin.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        try (Admin client = Admin.create(admin)) {
            while (true) {
                if (!current.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited with code " + current.exitValue()
                            + " while starting.\n" + ChildProcesses.tail(consoleLog(), 50) + "\n"
                            + ChildProcesses.tail(brokerLog(), 50));
                }
                try {
                    Collection<Node> nodes = client.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .nodes().get(3, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    lastFailure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka broker on " + bootstrapServers()
                            + " was not ready within " + timeout + " (last failure: " + lastFailure + ").\n"
                            + ChildProcesses.tail(brokerLog(), 50));
                }
                ChildProcesses.pauseUnlessExited(current, CHECK_INTERVAL);
            }
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** A Kafka client's settings to reach this broker as the principal {@code username}. */
    public Map<String, Object> clientProperties(String username, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, SCRAM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"" + username + "\" password=\"" + password + "\";");
        return properties;
    }

    /** A Kafka client's settings to reach this broker as its super user: for tests, tools and the ACLs. */
    public Map<String, Object> adminClientProperties() {
        return clientProperties(ADMIN, adminPassword);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return brokerLog();
    }

    @Override
    public void close() {
        stop();
    }

    private void formatStorageOnce() {
        // formatting a formatted log directory fails, and would lose the cluster id the data belongs to
        if (Files.exists(logDirs().resolve("meta.properties"))) {
            return;
        }
        // the super user's SCRAM credential goes into the metadata log at format time: with SASL on every listener
        // there is no other way in to create the others
        List<String> command = command("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties().toString(),
                "--add-scram", SCRAM + "=[name=" + ADMIN + ",password=" + adminPassword + "]");
        ChildProcesses.appendLine(consoleLog(), "=== " + Instant.now() + " formatting " + logDirs());
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                    .start();
            ProcessReaper.watch(format.pid(), "KILL");
            boolean exited = format.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ProcessReaper.forget(format.pid());
            if (!exited || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage in " + logDirs() + " failed.\n"
                        + ChildProcesses.tail(consoleLog(), 30));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    private List<String> command(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(ChildProcesses.commandPrefix());
        command.add(ChildProcesses.javaBinary());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4jConfiguration());
        command.add("-Dkafka.logs.dir=" + dataDir);
        command.add("-cp");
        command.add(ChildProcesses.ownClasspath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private void writeConfiguration() {
        // After a crash the controller keeps the dead broker's registration until its session times out, and only
        // then lets the new incarnation register: a short session keeps a kill-and-restart quick.
        // A static voter set (controller.quorum.voters) rather than a dynamic quorum formatted with --standalone:
        // the controller's port is then read from this file on every start instead of being written into the data
        // at format time, so a kept data directory works whatever port is free for the controller next time.
        String controller = "127.0.0.1:" + controllerPort;
        String properties = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%s
                listeners=CLIENTS://127.0.0.1:%d,CONTROLLER://%s
                advertised.listeners=CLIENTS://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=CLIENTS
                listener.security.protocol.map=CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
                sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";
                sasl.mechanism.controller.protocol=PLAIN
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%s" password="%s" user_%s="%s";
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%s;User:%s
                allow.everyone.if.no.acl.found=false
                log.dirs=%s
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=10
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                broker.heartbeat.interval.ms=500
                broker.session.timeout.ms=3000
                log.segment.bytes=16777216
                log.cleaner.dedupe.buffer.size=8388608
                num.network.threads=2
                num.io.threads=4
                background.threads=4
                """.formatted(controller, port, controller, port, ADMIN, adminPassword, CONTROLLER, controllerPassword,
                CONTROLLER, controllerPassword, ADMIN, CONTROLLER, logDirs());
        String log4j = """
                status = warn
                appender.file.type = File
                appender.file.name = FILE
                appender.file.fileName = %s
                appender.file.append = true
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                rootLogger.level = %s
                rootLogger.appenderRef.file.ref = FILE
                """.formatted(brokerLog(), System.getProperty(LOG_LEVEL_PROPERTY, "WARN"));
        try {
            Files.createDirectories(logDirs());
            Files.writeString(serverProperties(), properties, StandardCharsets.UTF_8);
            Files.writeString(log4jConfiguration(), log4j, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration in " + dataDir, e);
        }
    }

    /**
     * The super user's password, kept (owner-only) beside the data it was formatted into. A data directory formatted
     * before the broker had one (an older local run) cannot be entered any more: it is formatted anew.
     */
    private String adminPassword() {
        Path file = dataDir.resolve("admin.password");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            if (Files.exists(logDirs())) {
                ChildProcesses.appendLine(consoleLog(), "=== " + Instant.now() + " " + logDirs()
                        + " was formatted without SASL credentials: formatting it anew");
                deleteRecursively(logDirs());
            }
            return Files.readString(PrivateFiles.write(file, UUID.randomUUID().toString().replace("-", "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the broker's admin password in " + dataDir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    private Path log4jConfiguration() {
        return dataDir.resolve("log4j2.properties");
    }

    private Path logDirs() {
        return dataDir.resolve("kraft-logs");
    }

    private Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    private Path consoleLog() {
        return dataDir.resolve("broker-console.log");
    }
}
