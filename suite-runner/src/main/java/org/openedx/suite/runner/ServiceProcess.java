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
public final class ServiceProcess extends BootJarProcess {

    /**
     * How to run a service.
     *
     * @param topicPrefix     {@code EVENT_BUS_TOPIC_PREFIX}; empty for none
     * @param externalSystems environment variables that point the service at systems outside the suite (for the LMS,
     *                        the integration sandbox: {@link SandboxProcess#lmsEnvironment()}); empty for none
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
            List<String> jvmOptions,
            Map<String, String> externalSystems) {

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
            externalSystems = externalSystems == null ? Map.of() : Map.copyOf(externalSystems);
        }

        /**
         * The only configuration a service gets: the environment variables of the specification, and the external
         * systems' where it has any.
         */
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
            environment.putAll(externalSystems);
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

    private ServiceProcess(Config config) {
        super(config.service().module(), config.jar(), config.port(), config.environment(), config.logFile(),
                config.jvmOptions());
        this.config = config;
    }

    /** Starts the service's JVM without waiting for it: see {@link #awaitHealthy(Duration)}. */
    public static ServiceProcess launch(Config config) {
        ServiceProcess service = new ServiceProcess(config);
        service.launch();
        return service;
    }

    public SuiteService service() {
        return config.service();
    }

    public Config config() {
        return config;
    }
}
