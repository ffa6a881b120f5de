package org.openedx.suite.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service of the suite as its own JVM ({@code java -jar <module>.jar}), configured only through the environment
 * variables of the specification, so it runs exactly as it would in docker compose.
 *
 * <p>Its output (stdout and stderr) is appended to {@link #logFile()}, with a marker line for every start.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Options that start a Spring Boot service quickly on a small shared machine: the C1 compiler only (most of a
     * start-up is spent compiling code that runs once), the serial collector (no GC threads competing for 2 cores),
     * small thread stacks and a bounded heap.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx384m",
            "-Djava.awt.headless=true");

    /** A generous bound for a service to become healthy while others start beside it on 2 cores. */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final int LOG_LINES_ON_FAILURE = 50;

    /**
     * How to run a service.
     *
     * @param topicPrefix {@code EVENT_BUS_TOPIC_PREFIX}; empty for none
     */
    public record Config(
            SuiteService service,
            Path jar,
            int port,
            String datasourceUrl,
            String datasourceUsername,
            String datasourcePassword,
            String kafkaBootstrapServers,
            KafkaLogin kafkaLogin,
            String topicPrefix,
            Identity identity,
            Path logFile,
            List<String> jvmOptions) {

        public Config {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(datasourceUrl, "datasourceUrl");
            Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
            Objects.requireNonNull(kafkaLogin, "kafkaLogin");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(logFile, "logFile");
            topicPrefix = topicPrefix == null ? "" : topicPrefix;
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** The only configuration a service gets: the environment variables of the specification. */
        public Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>(Map.of(
                    "SERVER_PORT", Integer.toString(port),
                    "SPRING_DATASOURCE_URL", datasourceUrl,
                    "SPRING_DATASOURCE_USERNAME", datasourceUsername,
                    "SPRING_DATASOURCE_PASSWORD", datasourcePassword,
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                    "EVENT_BUS_TOPIC_PREFIX", topicPrefix,
                    "KAFKA_SASL_USERNAME", kafkaLogin.username(),
                    "KAFKA_SASL_PASSWORD", kafkaLogin.password()));
            if (service == SuiteService.LMS) {
                environment.put("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", identity.issuer());
                environment.put("SUITE_ADMIN_CLIENT_SECRET", identity.adminClientSecret());
                environment.put("SUITE_DEV_TOKENS", Boolean.toString(identity.devTokens()));
                environment.put("SUITE_SIGNING_KEY_FILE", identity.signingKeyFile().toString());
            } else {
                environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", identity.issuer());
            }
            return environment;
        }
    }

    /**
     * Who issues the suite's tokens (the LMS, at this URL), the secret of its operator client {@code suite-admin},
     * whether the LMS gives users' tokens without a password ({@code POST /api/dev/tokens}), and the key it signs them
     * with ({@code SUITE_SIGNING_KEY_FILE}, kept in the suite's data directory so tokens outlive an LMS restart).
     */
    public record Identity(String issuer, String adminClientSecret, boolean devTokens, Path signingKeyFile) {

        private static final HttpClient TOKEN_CLIENT = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build();
        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

        public Identity {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(adminClientSecret, "adminClientSecret");
            Objects.requireNonNull(signingKeyFile, "signingKeyFile");
        }

        /**
         * Asks the LMS for a user's token, without the user's password: only where {@link #devTokens()} is on, and
         * only the operator may.
         */
        public String userToken(String username) {
            return token(HttpRequest.newBuilder(URI.create(issuer + "/api/dev/tokens"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + operatorToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
                    .build());
        }

        /** Asks the LMS for the operator's access token (client credentials of {@code suite-admin}), as scripts do. */
        public String operatorToken() {
            String credentials = Base64.getEncoder().encodeToString(
                    ("suite-admin:" + adminClientSecret).getBytes(StandardCharsets.UTF_8));
            return token(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build());
        }

        private String token(HttpRequest request) {
            try {
                HttpResponse<String> response = TOKEN_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher token = ACCESS_TOKEN.matcher(response.body());
                if (response.statusCode() != 200 || !token.find()) {
                    throw new IllegalStateException("the LMS at " + issuer + " gave no token: "
                            + response.statusCode() + " " + response.body());
                }
                return token.group(1);
            } catch (IOException e) {
                throw new UncheckedIOException("no answer from " + request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + request.uri(), e);
            }
        }
    }

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private ServiceProcess(Config config) {
        this.config = config;
    }

    /** Starts the service's JVM without waiting for it: see {@link #awaitHealthy(Duration)}. */
    public static ServiceProcess launch(Config config) {
        ServiceProcess service = new ServiceProcess(config);
        service.launch();
        return service;
    }

    /** Starts the service again (after {@link #stop()} or {@link #kill()}) and waits until it is healthy. */
    public void start() {
        launch();
        awaitHealthy(DEFAULT_HEALTH_TIMEOUT);
    }

    /** Stops the service gracefully (SIGTERM), starts it again and waits until it is healthy. */
    public void restart() {
        stop();
        start();
    }

    /** Stops the service gracefully (SIGTERM, as docker stop or Ctrl-C would) and waits for it to exit. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, STOP_GRACE);
            ProcessReaper.forget(process.pid());
        }
    }

    /** Kills the service (SIGKILL): a crash, with no chance to finish what it was doing. */
    public synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
            ProcessReaper.forget(process.pid());
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until {@code /actuator/health} answers 200 with status UP.
     *
     * @throws IllegalStateException with the end of the service's log when it exits or the time runs out
     */
    public void awaitHealthy(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            throw new IllegalStateException(name() + " was never started");
        }
        URI health = URI.create(baseUrl() + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!current.isAlive()) {
                throw new IllegalStateException(name() + " exited with code " + current.exitValue()
                        + " before it was healthy; " + ChildProcesses.tail(logFile(), LOG_LINES_ON_FAILURE));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find()) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " was not healthy within " + timeout + " (last answer from "
                        + health + ": " + lastAnswer + "); " + ChildProcesses.tail(logFile(), LOG_LINES_ON_FAILURE));
            }
            ChildProcesses.pauseUnlessExited(current, CHECK_INTERVAL);
        }
    }

    public SuiteService service() {
        return config.service();
    }

    public Config config() {
        return config;
    }

    public int port() {
        return config.port();
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + config.port();
    }

    public Path logFile() {
        return config.logFile();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name() + " on " + baseUrl();
    }

    /** Starts the service's JVM again unless it runs, without waiting: see {@link #awaitHealthy(Duration)}. */
    public synchronized void launch() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(ChildProcesses.commandPrefix());
        command.add(ChildProcesses.javaBinary());
        command.addAll(config.jvmOptions());
        command.add("-jar");
        command.add(config.jar().toAbsolutePath().toString());
        ChildProcesses.appendLine(logFile(), "=== " + Instant.now() + " starting " + name() + " on port " + port());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.logFile().toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().putAll(config.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name() + ": " + command, e);
        }
        ProcessReaper.watch(process.pid(), "KILL");
    }

    private String name() {
        return config.service().module();
    }
}
