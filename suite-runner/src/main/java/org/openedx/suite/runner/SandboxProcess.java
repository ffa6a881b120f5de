package org.openedx.suite.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The integration sandbox ({@code integration-sandbox}) as its own JVM: the stand-in for the systems outside the
 * suite (webhook receivers, an external certificate provider, a plagiarism service). Unlike a {@link SuiteService} it
 * has no database, no topics and no Kafka login; it reads only {@code SERVER_PORT} and
 * {@code SANDBOX_PLAGIARISM_SECRET}. See docs/integration-sandbox.md.
 */
public final class SandboxProcess extends BootJarProcess {

    public static final String MODULE = "integration-sandbox";

    /** The sandbox's port on a suite with the specification's ports (docker compose publishes the same). */
    public static final int SPEC_PORT = 18900;

    /**
     * How to run the sandbox.
     *
     * @param plagiarismSecret the Standard Webhooks secret of the plagiarism service's callbacks, which the LMS
     *                         checks them with
     */
    public record Config(Path jar, int port, String plagiarismSecret, Path logFile, List<String> jvmOptions) {

        public Config {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(plagiarismSecret, "plagiarismSecret");
            Objects.requireNonNull(logFile, "logFile");
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** The only configuration the sandbox gets. */
        public Map<String, String> environment() {
            return Map.of("SERVER_PORT", Integer.toString(port), "SANDBOX_PLAGIARISM_SECRET", plagiarismSecret);
        }

        /** {@code http://localhost:<port>}, without a trailing slash. */
        public String baseUrl() {
            return "http://localhost:" + port;
        }

        /**
         * What points the LMS at this sandbox: outbound calls may reach this machine, ORA's plagiarism checks go to
         * the sandbox's plagiarism service, and its callbacks are checked with the secret the sandbox signs them with.
         */
        public Map<String, String> lmsEnvironment() {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1");
            environment.put("ORA_PLAGIARISM_URL", baseUrl() + "/plagiarism/submissions");
            environment.put("ORA_PLAGIARISM_SECRET", plagiarismSecret);
            return environment;
        }

        /**
         * What points credentials at this sandbox's badge providers, with the sandbox's default organization and keys
         * ({@code SANDBOX_CREDLY_*}, {@code SANDBOX_ACCREDIBLE_API_KEY}, which the runner leaves at their defaults).
         */
        public Map<String, String> credentialsEnvironment() {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1");
            environment.put("CREDLY_API_URL", baseUrl() + "/credly");
            environment.put("CREDLY_ORGANIZATION_ID", "suite-org");
            environment.put("CREDLY_API_KEY", "change-me-credly");
            environment.put("ACCREDIBLE_API_URL", baseUrl() + "/accredible");
            environment.put("ACCREDIBLE_API_KEY", "change-me-accredible");
            return environment;
        }

        /** What points insights at this sandbox's LRS, with the sandbox's default credentials ({@code SANDBOX_LRS_*}). */
        public Map<String, String> insightsEnvironment() {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1");
            environment.put("INSIGHTS_LRS_URL", baseUrl() + "/lrs/xapi");
            environment.put("INSIGHTS_LRS_USERNAME", "suite-lrs");
            environment.put("INSIGHTS_LRS_PASSWORD", "change-me-lrs");
            return environment;
        }
    }

    private final Config config;

    private SandboxProcess(Config config) {
        super(MODULE, config.jar(), config.port(), config.environment(), config.logFile(), config.jvmOptions());
        this.config = config;
    }

    /** Starts the sandbox's JVM without waiting for it: see {@link #awaitHealthy(Duration)}. */
    public static SandboxProcess launch(Config config) {
        SandboxProcess sandbox = new SandboxProcess(config);
        sandbox.launch();
        return sandbox;
    }

    /** Where {@code ./mvnw package} puts the sandbox's jar, whether or not it is there. */
    public static Path jarPath(Path repoRoot) {
        return ModuleJar.path(repoRoot, MODULE);
    }

    /** Whether {@code ./mvnw package} has built the sandbox's executable jar. */
    public static boolean isBuilt(Path repoRoot) {
        return ModuleJar.isBuilt(repoRoot, MODULE);
    }

    /** The sandbox's executable jar; throws saying how to build it when it is not built. */
    public static Path jar(Path repoRoot) {
        return ModuleJar.require(repoRoot, MODULE);
    }

    /** What points the LMS at this sandbox: see {@link Config#lmsEnvironment()}. */
    public Map<String, String> lmsEnvironment() {
        return config.lmsEnvironment();
    }

    /** What points credentials at this sandbox: see {@link Config#credentialsEnvironment()}. */
    public Map<String, String> credentialsEnvironment() {
        return config.credentialsEnvironment();
    }

    /** What points insights at this sandbox: see {@link Config#insightsEnvironment()}. */
    public Map<String, String> insightsEnvironment() {
        return config.insightsEnvironment();
    }

    /** The secret the plagiarism callbacks are signed with ({@code SANDBOX_PLAGIARISM_SECRET}). */
    public String plagiarismSecret() {
        return config.plagiarismSecret();
    }

    public Config config() {
        return config;
    }
}
