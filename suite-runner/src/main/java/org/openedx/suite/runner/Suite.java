package org.openedx.suite.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A running suite: one Kafka broker, one PostgreSQL server with a database and user per service, and the chosen
 * services, each in its own JVM; where asked for ({@link Builder#sandbox(boolean)}), the integration sandbox too, the
 * stand-in for the systems outside the suite, which the LMS is then pointed at.
 *
 * <p>Data layout under the data directory: {@code kafka/}, {@code postgres/} (+ {@code postgres.log}) and
 * {@code logs/<module>.log}.
 */
public final class Suite implements AutoCloseable {

    // one thread per start-up or shutdown waiting on a child process: they block, so the common pool (as small as
    // one thread on 2 cores) would serialise them
    private static final ExecutorService WAITERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "suite-waiter");
        thread.setDaemon(true);
        return thread;
    });

    private final Builder settings;
    private final Map<SuiteService, ServiceProcess> services = Collections.synchronizedMap(
            new EnumMap<>(SuiteService.class));
    private final Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
    private volatile KafkaBroker kafka;
    private volatile Map<SuiteService, KafkaLogin> kafkaLogins = Map.of();
    private volatile Postgres postgres;
    private volatile SandboxProcess sandbox;
    private volatile boolean closed;

    private Suite(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /**
     * Starts Kafka and PostgreSQL, then the builder's services and, where asked for, the sandbox beside them; returns
     * when all are ready.
     *
     * @throws IllegalStateException naming what did not start (with the end of its log); what had started is stopped
     */
    public Suite start() {
        try {
            CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() ->
                    KafkaBroker.start(settings.dataDir.resolve("kafka"), settings.kafkaPort, settings.kafkaJvmOptions),
                    WAITERS);
            CompletableFuture<Postgres> database = CompletableFuture.supplyAsync(() ->
                    Postgres.start(settings.dataDir.resolve("postgres"), settings.postgresPort), WAITERS);
            // wait for both, and keep whichever started, so that close() stops it when the other failed
            RuntimeException failure = null;
            try {
                kafka = broker.join();
            } catch (CompletionException e) {
                failure = unwrap(e);
            }
            try {
                postgres = database.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = unwrap(e);
                } else {
                    failure.addSuppressed(unwrap(e));
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (closed) {
                throw new IllegalStateException("the suite was closed while it started");
            }
            kafkaLogins = KafkaAccess.grant(kafka, this::topic);
            settings.onInfrastructureReady.accept(this);
            // before the services, so that the LMS is pointed at it; it needs neither Kafka nor PostgreSQL
            CompletableFuture<Void> sandboxReady = launchSandbox();
            startServices(settings.services);
            sandboxReady.join();
            return this;
        } catch (RuntimeException e) {
            close();
            throw unwrap(e);
        }
    }

    /**
     * Starts these services unless they run already, in parallel, and waits until all are healthy. A service new to
     * the suite gets its database first; one that was stopped or killed (a fault test) starts again as it was.
     */
    public void startServices(Collection<SuiteService> wanted) {
        List<ServiceProcess> launched = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the suite is closed");
            }
            for (SuiteService service : wanted) {
                ServiceProcess known = services.get(service);
                if (known != null) {
                    if (!known.isRunning()) {
                        known.launch();
                        launched.add(known);
                    }
                    continue;
                }
                Path jar = service.jar(settings.repoRoot);
                String url = postgres.createDatabase(service.database(), service.database(), service.database());
                ServiceProcess process = ServiceProcess.launch(new ServiceProcess.Config(service, jar,
                        portOf(service), url, service.database(), service.database(), kafka.bootstrapServers(),
                        kafkaLogins.get(service), settings.topicPrefix, identity(), logFile(service.module()),
                        settings.serviceJvmOptions, externalSystemsOf(service)));
                services.put(service, process);
                launched.add(process);
            }
        }
        // all JVMs are already starting side by side; each future just waits for one of them
        List<CompletableFuture<Void>> healthy = launched.stream()
                .map(process -> CompletableFuture.runAsync(() -> {
                    process.awaitHealthy(settings.healthTimeout);
                    settings.onServiceReady.accept(process);
                }, WAITERS))
                .toList();
        try {
            CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // a service that is up but never healthy would pass for running: kill it, so that asking for it again
            // starts it again
            for (int i = 0; i < launched.size(); i++) {
                if (healthy.get(i).isCompletedExceptionally()) {
                    launched.get(i).kill();
                }
            }
            throw unwrap(e);
        }
    }

    /** The running process of a service. */
    public ServiceProcess service(SuiteService service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " is not part of this suite; running: " + services());
        }
        return process;
    }

    /**
     * The running integration sandbox.
     *
     * @throws IllegalStateException when this suite runs without it
     */
    public SandboxProcess sandbox() {
        SandboxProcess running = sandbox;
        if (running == null) {
            throw new IllegalStateException(SandboxProcess.MODULE + " is not part of this suite: "
                    + "Suite.builder(...).sandbox(true) runs it");
        }
        return running;
    }

    /** Whether this suite runs the integration sandbox. */
    public boolean hasSandbox() {
        return sandbox != null;
    }

    /**
     * The integration sandbox's URL, {@code http://localhost:<port>} without a trailing slash: its webhook receivers
     * ({@code /webhooks/{receiver}}), certificate provider ({@code /certificate-provider/certificates}), plagiarism
     * service ({@code /plagiarism/submissions}) and what it received ({@code /api/received}).
     *
     * @throws IllegalStateException when this suite runs without it
     */
    public String sandboxUrl() {
        return sandbox().baseUrl();
    }

    public Set<SuiteService> services() {
        synchronized (services) {
            return services.isEmpty() ? EnumSet.noneOf(SuiteService.class) : EnumSet.copyOf(services.keySet());
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The principal the service logs in to the broker as; the broker's ACLs hold it to its own topics (ADR 8). */
    public KafkaLogin kafkaLogin(SuiteService service) {
        return kafkaLogins.get(service);
    }

    public Postgres postgres() {
        return postgres;
    }

    /** The LMS's URL as the issuer of the suite's tokens, and the operator client's secret. */
    public ServiceProcess.Identity identity() {
        return new ServiceProcess.Identity("http://localhost:" + portOf(SuiteService.LMS), settings.adminClientSecret,
                settings.devTokens, SigningKey.in(settings.dataDir));
    }

    /** {@code EVENT_BUS_TOPIC_PREFIX} of the services; empty for none. */
    public String topicPrefix() {
        return settings.topicPrefix;
    }

    /** The full name of a base topic in this suite: {@code dev} + {@code x} gives {@code dev-x}, no prefix gives {@code x}. */
    public String topic(String baseTopic) {
        return settings.topicPrefix.isEmpty() ? baseTopic : settings.topicPrefix + "-" + baseTopic;
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    public Path repoRoot() {
        return settings.repoRoot;
    }

    /**
     * Stops the services and the sandbox (in parallel, gracefully), then Kafka, then PostgreSQL. Safe to call more than
     * once.
     */
    @Override
    public void close() {
        List<Runnable> stops = new ArrayList<>();
        synchronized (this) {
            closed = true;
            synchronized (services) {
                services.values().forEach(process -> stops.add(process::stop));
            }
            SandboxProcess running = sandbox;
            if (running != null) {
                stops.add(running::stop);
            }
        }
        CompletableFuture.allOf(stops.stream()
                        .map(stop -> CompletableFuture.runAsync(stop, WAITERS))
                        .toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        KafkaBroker broker = kafka;
        if (broker != null) {
            broker.stop();
        }
        Postgres database = postgres;
        if (database != null) {
            database.close();
        }
    }

    /** Launches the sandbox where the builder asks for it; the future completes once it is healthy. */
    private CompletableFuture<Void> launchSandbox() {
        if (!settings.sandbox) {
            return CompletableFuture.completedFuture(null);
        }
        SandboxProcess launched;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the suite is closed");
            }
            launched = SandboxProcess.launch(new SandboxProcess.Config(SandboxProcess.jar(settings.repoRoot),
                    settings.sandboxPort, settings.plagiarismSecret, logFile(SandboxProcess.MODULE),
                    settings.serviceJvmOptions));
            sandbox = launched;
        }
        return CompletableFuture.runAsync(() -> {
            launched.awaitHealthy(settings.healthTimeout);
            settings.onSandboxReady.accept(launched);
        }, WAITERS);
    }

    /**
     * What points a service at systems outside the suite: the LMS and credentials may call receivers on this machine
     * (the tests' and the local run's, over plain http), and are pointed at the sandbox where the suite runs one; the
     * LMS lets insights' dashboard sign users in, and the dashboard sends browsers to the LMS; insights forwards its
     * statements to the sandbox's LRS where there is one. The CMS and discovery keep their search indexes beside the
     * suite's data.
     */
    private Map<String, String> externalSystemsOf(SuiteService service) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        SandboxProcess running = sandbox;
        switch (service) {
            case CMS, DISCOVERY -> environment.put("SEARCH_INDEX_DIR",
                    settings.dataDir.resolve("search-index").resolve(service.database()).toString());
            case LMS -> {
                environment.put("OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1");
                environment.put("SUITE_WEB_REDIRECT_URIS", "http://127.0.0.1/callback,http://localhost:"
                        + portOf(SuiteService.INSIGHTS) + "/callback");
                if (running != null) {
                    environment.putAll(running.lmsEnvironment());
                }
            }
            case CREDENTIALS -> {
                environment.put("OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1");
                if (running != null) {
                    environment.putAll(running.credentialsEnvironment());
                }
            }
            case INSIGHTS -> {
                environment.put("INSIGHTS_LMS_PUBLIC_URL", identity().issuer());
                environment.put("INSIGHTS_LMS_ROOT_URL", identity().issuer());
                if (running != null) {
                    environment.putAll(running.insightsEnvironment());
                }
            }
            default -> {
            }
        }
        return environment;
    }

    private Path logFile(String module) {
        return settings.dataDir.resolve("logs").resolve(module + ".log");
    }

    private synchronized int portOf(SuiteService service) {
        return ports.computeIfAbsent(service, s -> settings.specPorts ? s.specPort() : Ports.free());
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** What to run and where; {@link #start()} runs it. */
    public static final class Builder {

        private final Path repoRoot;
        private Path dataDir;
        private boolean specPorts;
        private int kafkaPort;
        private int postgresPort;
        private String topicPrefix = "";
        private Set<SuiteService> services = EnumSet.allOf(SuiteService.class);
        private List<String> serviceJvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private List<String> kafkaJvmOptions = KafkaBroker.DEFAULT_JVM_OPTIONS;
        private Duration healthTimeout = ServiceProcess.DEFAULT_HEALTH_TIMEOUT;
        private Consumer<Suite> onInfrastructureReady = suite -> { };
        private Consumer<ServiceProcess> onServiceReady = service -> { };
        private String adminClientSecret;
        private boolean devTokens;
        private boolean sandbox;
        private int sandboxPort;
        private String plagiarismSecret;
        private Consumer<SandboxProcess> onSandboxReady = process -> { };

        private Builder(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
        }

        /** Where Kafka, PostgreSQL and the logs keep their files; default {@code <repo>/target/suite}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath().normalize();
            return this;
        }

        /** Services on the ports of the specification (default: free ports, so suites and other programs coexist). */
        public Builder specPorts() {
            this.specPorts = true;
            return this;
        }

        public Builder freePorts() {
            this.specPorts = false;
            return this;
        }

        /** Kafka's port; default a free one. */
        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** PostgreSQL's port; default a free one. */
        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder topicPrefix(String topicPrefix) {
            this.topicPrefix = topicPrefix == null ? "" : topicPrefix;
            return this;
        }

        /** The services to start with the suite (default all); more can join later via {@link Suite#startServices}. */
        public Builder services(Collection<SuiteService> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(SuiteService.class) : EnumSet.copyOf(services);
            return this;
        }

        public Builder services(SuiteService... services) {
            return services(List.of(services));
        }

        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        public Builder kafkaJvmOptions(List<String> options) {
            this.kafkaJvmOptions = List.copyOf(options);
            return this;
        }

        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        /** Called once Kafka and PostgreSQL are ready, before the services start. */
        public Builder onInfrastructureReady(Consumer<Suite> listener) {
            this.onInfrastructureReady = listener;
            return this;
        }

        /** Called as each service becomes healthy (from the thread that saw it). */
        public Builder onServiceReady(Consumer<ServiceProcess> listener) {
            this.onServiceReady = listener;
            return this;
        }

        /** {@code SUITE_ADMIN_CLIENT_SECRET} of the LMS; by default a random one for this suite. */
        public Builder adminClientSecret(String secret) {
            this.adminClientSecret = secret;
            return this;
        }

        /** {@code SUITE_DEV_TOKENS} of the LMS: users' tokens without a password, for scripts and tests. */
        public Builder devTokens(boolean on) {
            this.devTokens = on;
            return this;
        }

        /**
         * Whether to run the integration sandbox too (default no), on port {@value SandboxProcess#SPEC_PORT} with
         * {@link #specPorts()}, else a free one; the LMS is then pointed at it ({@link SandboxProcess#lmsEnvironment()}).
         */
        public Builder sandbox(boolean on) {
            this.sandbox = on;
            return this;
        }

        /**
         * The secret the sandbox signs its plagiarism callbacks with and the LMS checks them with
         * ({@code SANDBOX_PLAGIARISM_SECRET}, {@code ORA_PLAGIARISM_SECRET}); by default a random one for this suite.
         */
        public Builder plagiarismSecret(String secret) {
            this.plagiarismSecret = secret;
            return this;
        }

        /** Called once the sandbox is healthy (from the thread that saw it). */
        public Builder onSandboxReady(Consumer<SandboxProcess> listener) {
            this.onSandboxReady = listener;
            return this;
        }

        /** The suite, not started yet: {@link Suite#close()} may be registered (say in a shutdown hook) before {@link #start()}. */
        public Suite build() {
            if (dataDir == null) {
                dataDir = repoRoot.resolve("target").resolve("suite");
            }
            if (kafkaPort == 0) {
                kafkaPort = Ports.free();
            }
            if (postgresPort == 0) {
                postgresPort = Ports.free();
            }
            if (adminClientSecret == null || adminClientSecret.isBlank()) {
                adminClientSecret = UUID.randomUUID().toString();
            }
            if (sandbox && sandboxPort == 0) {
                sandboxPort = specPorts ? SandboxProcess.SPEC_PORT : Ports.free();
            }
            if (plagiarismSecret == null || plagiarismSecret.isBlank()) {
                plagiarismSecret = UUID.randomUUID().toString();
            }
            return new Suite(this);
        }

        /** Builds and starts the suite; returns when every service is healthy. */
        public Suite start() {
            return build().start();
        }
    }
}
