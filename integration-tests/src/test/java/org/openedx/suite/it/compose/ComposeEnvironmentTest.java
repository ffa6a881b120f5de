package org.openedx.suite.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openedx.suite.it.compose.RepositoryFiles.COMPOSE_FILE;
import static org.openedx.suite.it.compose.RepositoryFiles.ROOT;
import static org.openedx.suite.it.compose.RepositoryFiles.asMap;
import static org.openedx.suite.it.compose.RepositoryFiles.compose;
import static org.openedx.suite.it.compose.RepositoryFiles.loadAll;
import static org.openedx.suite.it.compose.RepositoryFiles.read;
import static org.openedx.suite.it.compose.RepositoryFiles.servicesOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docker-compose.yml} runs each service the way the specification and the service's own
 * {@code application.yml} say: with exactly the environment variables the service reads, on its port, after Kafka
 * and PostgreSQL are healthy, with its health taken from {@code /actuator/health}. The files are only read, so this
 * holds the compose file to the services on a machine without Docker too.
 *
 * <p>Whether the file is valid Compose at all is for Compose itself to say: where {@code docker compose} or
 * {@code docker-compose} is installed (no Docker engine needed), its {@code config} checks the file once per profile.
 * Without either, that one test is skipped and says why; the others still run.
 */
class ComposeEnvironmentTest {

    /** The services' configuration, by the specification: the same names everywhere. */
    private static final Set<String> SPECIFIED_VARIABLES = Set.of("SERVER_PORT", "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "EVENT_BUS_TOPIC_PREFIX", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD");

    /**
     * Identity (ADR 7): the LMS issues the suite's tokens with the operator client's secret, and says where a user's
     * token comes from without a password in development and which key it signs with; every other service accepts
     * the LMS's tokens. The LMS also calls out (issue 13): which hosts it may call and where its plagiarism service is.
     */
    private static Set<String> specifiedVariables(SpecifiedService service) {
        Set<String> variables = new TreeSet<>(SPECIFIED_VARIABLES);
        if (service.module().equals("lms-service")) {
            variables.addAll(List.of("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", "SUITE_ADMIN_CLIENT_SECRET",
                    "SUITE_DEV_TOKENS", "SUITE_SIGNING_KEY_FILE",
                    // outbound integrations (issue 13)
                    "OUTBOUND_ALLOWED_HOSTS", "WEBHOOKS_DISABLE_AFTER", "ORA_PLAGIARISM_URL", "ORA_PLAGIARISM_SECRET",
                    "ORA_CALLBACK_URL",
                    // insights' dashboard signs users in here (issue 15)
                    "SUITE_WEB_REDIRECT_URIS"));
        } else {
            variables.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        }
        if (Set.of("lms-service", "exams-service", "cms-service").contains(service.module())) {
            // tracking logs on the bus (issue 15): which names go to insights, as Open edX's setting of that name
            variables.add("EVENT_BUS_TRACKING_LOGS");
        }
        if (service.module().equals("insights-service")) {
            // the LMS the statements and the dashboard's sign-in name, the anonymous ids' key, an LRS to forward to
            variables.addAll(List.of("INSIGHTS_LMS_ROOT_URL", "INSIGHTS_LMS_PUBLIC_URL",
                    "INSIGHTS_ANONYMOUS_ID_SECRET", "OUTBOUND_ALLOWED_HOSTS", "INSIGHTS_LRS_URL",
                    "INSIGHTS_LRS_USERNAME", "INSIGHTS_LRS_PASSWORD"));
        }
        if (Set.of("cms-service", "discovery-service").contains(service.module())) {
            // search indexes (issue 16, ADR 11): embedded Lucene where, or a cluster; how far a reindex may move
            variables.addAll(List.of("SEARCH_BACKEND", "SEARCH_INDEX_DIR", "SEARCH_URIS", "SEARCH_BACKEND_VERSION",
                    "SEARCH_REINDEX_MAX_CHANGE", "SEARCH_INDEX_PREFIX"));
        }
        if (service.module().equals("credentials-service")) {
            // badges (issue 14): which events count, and the providers
            variables.addAll(List.of("BADGES_EVENT_TYPES", "OUTBOUND_ALLOWED_HOSTS", "CREDLY_API_URL",
                    "CREDLY_ORGANIZATION_ID", "CREDLY_API_KEY", "ACCREDIBLE_API_URL", "ACCREDIBLE_API_KEY"));
        }
        return variables;
    }

    /** Spring resolves any name in a placeholder; the upper-case ones are the environment variables. */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Pattern LOCAL_URL =
            Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1):(\\d+)(/[^\\s\"']*)");

    private static final Map<String, Object> COMPOSE = compose();

    /** A service as the table in the specification (SUITE-SPEC.md) lists it. */
    record SpecifiedService(String module, int port, String database) {

        @Override
        public String toString() {
            return module;
        }
    }

    static Stream<SpecifiedService> specifiedServices() {
        return Stream.of(
                new SpecifiedService("lms-service", 18000, "lms"),
                new SpecifiedService("cms-service", 18010, "cms"),
                new SpecifiedService("credentials-service", 18150, "credentials"),
                new SpecifiedService("discovery-service", 18381, "discovery"),
                new SpecifiedService("exams-service", 18740, "exams"),
                new SpecifiedService("insights-service", 18110, "insights"));
    }

    /**
     * The integration sandbox: built from the Dockerfile like the services, but no service of the specification (no
     * database, no Kafka, no tokens); a stand-in for the systems outside the suite.
     */
    private static final SpecifiedService SANDBOX = new SpecifiedService("integration-sandbox", 18900, null);

    /** Every module compose builds from the Dockerfile: the specified services and the sandbox. */
    static Stream<SpecifiedService> builtModules() {
        return Stream.concat(specifiedServices(), Stream.of(SANDBOX));
    }

    /** Which profiles to enable: none, then each profile the file declares on its own. */
    record ProfileSelection(List<String> profiles) {

        @Override
        public String toString() {
            return profiles.isEmpty() ? "no profile" : "profile " + String.join(", ", profiles);
        }
    }

    static Stream<ProfileSelection> profileSelections() {
        Set<String> declared = new TreeSet<>();
        services().values().forEach(definition -> {
            if (definition instanceof Map<?, ?> service && service.get("profiles") instanceof List<?> profiles) {
                profiles.forEach(profile -> declared.add(String.valueOf(profile)));
            }
        });
        return Stream.concat(Stream.of(new ProfileSelection(List.of())),
                declared.stream().map(profile -> new ProfileSelection(List.of(profile))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profileSelections")
    void compose_itself_accepts_the_file(ProfileSelection selection) {
        StringBuilder whyNot = new StringBuilder();
        Optional<ComposeCli> compose = ComposeCli.find(whyNot);
        assumeTrue(compose.isPresent(), () -> "No Docker Compose to check docker-compose.yml with (" + whyNot
                + "); install the docker compose plugin or docker-compose 1.28+ to run this check");

        List<String> arguments = new ArrayList<>(List.of("-f", COMPOSE_FILE.toString()));
        selection.profiles().forEach(profile -> arguments.addAll(List.of("--profile", profile)));
        arguments.addAll(List.of("config", "-q"));
        ComposeCli.Outcome outcome = compose.get().run(ROOT, arguments);

        assertThat(outcome.exitCode())
                .as("exit code of `%s %s` (%s); its stderr:%n%s", String.join(" ", compose.get().command()),
                        String.join(" ", arguments), compose.get(), outcome.stderr())
                .isZero();
    }

    @Test
    void the_dockerfile_copies_the_pom_of_every_module_so_the_reactor_resolves_in_its_build_stage() throws IOException {
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        List<String> missing = new ArrayList<>();
        while (module.find()) {
            if (!dockerfile.contains("COPY " + module.group(1) + "/pom.xml " + module.group(1) + "/")) {
                missing.add(module.group(1));
            }
        }
        assertThat(missing).as("modules whose pom.xml the Dockerfile does not copy before go-offline").isEmpty();
    }

    @Test
    void compose_builds_exactly_the_specified_services_and_the_sandbox_each_from_its_own_module() {
        Map<String, Object> built = new TreeMap<>();
        services().forEach((name, definition) -> {
            Object build = asMap(definition, name).get("build");
            if (build != null) {
                Object args = build instanceof Map<?, ?> buildMap ? buildMap.get("args") : null;
                built.put(name, args == null ? null : buildArgs(args, name).get("SERVICE"));
            }
        });

        Map<String, Object> expected = new TreeMap<>();
        builtModules().forEach(service -> expected.put(service.module(), service.module()));
        assertThat(built)
                .as("the compose services built from the Dockerfile, with their SERVICE build argument")
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specifiedServices")
    void service_reads_exactly_the_specified_variables(SpecifiedService service) {
        assertThat(variablesRead(service).keySet())
                .as("the environment variables %s's application.yml reads", service)
                .containsExactlyInAnyOrderElementsOf(specifiedVariables(service));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtModules")
    void container_gets_exactly_the_variables_the_service_reads(SpecifiedService service) {
        assertThat(environment(service).keySet())
                .as("the environment compose gives %s: every variable its application.yml reads (%s), no other",
                        service, variablesRead(service).keySet())
                .containsExactlyInAnyOrderElementsOf(variablesRead(service).keySet());
    }

    /**
     * ADR 8: a service logs in to the broker as its own principal (named as in its {@code ce_source}), with the
     * password the broker's start script formats that principal with, and the broker wants a login on every listener.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specifiedServices")
    void service_logs_in_to_the_broker_as_its_own_principal(SpecifiedService service) {
        Map<String, String> broker = environmentOf("kafka");
        assertThat(environment(service).get("KAFKA_SASL_USERNAME")).as("KAFKA_SASL_USERNAME of %s", service)
                .isEqualTo(service.database());
        String password = "SUITE_KAFKA_" + service.database().toUpperCase(Locale.ROOT) + "_PASSWORD";
        assertThat(environment(service).get("KAFKA_SASL_PASSWORD")).as("KAFKA_SASL_PASSWORD of %s", service)
                .isNotBlank()
                .isEqualTo(broker.get(password));
        assertThat(broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).as("the broker's listeners")
                .doesNotContain(":PLAINTEXT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specifiedServices")
    void service_listens_and_is_published_on_its_specified_port(SpecifiedService service) {
        String port = String.valueOf(service.port());
        assertThat(variablesRead(service).get("SERVER_PORT"))
                .as("the SERVER_PORT default in %s's application.yml", service)
                .isEqualTo(port);
        assertThat(environment(service).get("SERVER_PORT"))
                .as("SERVER_PORT in compose for %s", service)
                .isEqualTo(port);
        assertThat(publishedPorts(service))
                .as("the ports compose publishes for %s, as host:container", service)
                .containsExactly(port + ":" + port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specifiedServices")
    void service_uses_its_own_database_and_the_shared_broker(SpecifiedService service) {
        Map<String, String> environment = environment(service);

        assertThat(environment)
                .as("the database and broker compose gives %s", service)
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + service.database())
                .containsEntry("SPRING_DATASOURCE_USERNAME", service.database())
                .containsEntry("SPRING_DATASOURCE_PASSWORD", service.database())
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("EVENT_BUS_TOPIC_PREFIX", "${EVENT_BUS_TOPIC_PREFIX:-}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specifiedServices")
    void service_starts_only_once_kafka_and_postgres_are_healthy(SpecifiedService service) {
        Object dependsOn = definition(service).get("depends_on");
        if (!(dependsOn instanceof Map<?, ?> dependencies)) {
            fail("%s's depends_on must name a condition for each dependency (the list form only waits for the "
                    + "container to start), but is: %s", service, dependsOn);
            return;
        }

        Map<String, Object> conditions = new TreeMap<>();
        dependencies.forEach((name, dependency) -> conditions.put(String.valueOf(name),
                dependency instanceof Map<?, ?> options ? options.get("condition") : null));
        assertThat(conditions)
                .as("what %s waits for", service)
                .containsKeys("kafka", "postgres")
                .allSatisfy((name, condition) -> assertThat(condition)
                        .as("the condition %s waits for on %s", service, name)
                        .isEqualTo("service_healthy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtModules")
    void compose_takes_the_service_health_from_actuator_health_on_its_port(SpecifiedService service) {
        Object healthcheck = definition(service).get("healthcheck");
        assertThat(healthcheck).as("%s's healthcheck", service).isInstanceOf(Map.class);
        Map<String, Object> check = asMap(healthcheck, service + " healthcheck");
        assertThat(check.get("disable")).as("%s's healthcheck disabled", service).isNotEqualTo(true);

        String command = check.get("test") instanceof List<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(check.get("test"));
        Matcher url = LOCAL_URL.matcher(command);
        assertThat(url.find()).as("%s's healthcheck calls a local URL: %s", service, command).isTrue();
        assertThat(url.group(1) + url.group(2))
                .as("port and path of %s's healthcheck: %s", service, command)
                .isEqualTo(service.port() + "/actuator/health");
    }

    @Test
    void the_sandbox_listens_on_its_port_published_where_SANDBOX_PORT_says() {
        assertThat(variablesRead(SANDBOX)).as("the variables integration-sandbox's application.yml reads")
                .containsEntry("SERVER_PORT", "18900");
        assertThat(environment(SANDBOX)).containsEntry("SERVER_PORT", "18900");
        assertThat(definition(SANDBOX).get("ports")).as("the ports compose publishes for the sandbox")
                .isEqualTo(List.of("${SANDBOX_PORT:-18900}:18900"));
    }

    @Test
    void postgres_creates_each_service_its_own_database_and_user() {
        String initScripts = initScriptsOf("postgres");

        specifiedServices().forEach(service -> assertThat(initScripts)
                .as("PostgreSQL's init scripts create %s's user and database", service)
                .containsPattern("(?i)CREATE\\s+(USER|ROLE)\\s+" + service.database()
                        + "\\s+WITH\\s+(LOGIN\\s+)?PASSWORD\\s+'" + service.database() + "'")
                .containsPattern("(?i)CREATE\\s+DATABASE\\s+" + service.database() + "\\s+OWNER\\s+"
                        + service.database() + "\\s*;"));
    }

    @Test
    void kafka_leaves_creating_topics_to_the_services() {
        Map<String, String> kafka = environmentOf("kafka");

        assertThat(kafka)
                .as("the broker's environment: like production brokers, it must not create topics on first use")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    // --- reading the services' configuration

    /** The environment variables the service's application.yml reads, each with its default ({@code null}: none). */
    private static Map<String, String> variablesRead(SpecifiedService service) {
        Path applicationYml = ROOT.resolve(service.module()).resolve("src/main/resources/application.yml");
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (Object document : loadAll(applicationYml)) {
            collectPlaceholders(document, placeholders);
        }
        placeholders.keySet().removeIf(name -> !ENVIRONMENT_VARIABLE.matcher(name).matches());
        return placeholders;
    }

    private static void collectPlaceholders(Object node, Map<String, String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                collectPlaceholders(key, found);
                collectPlaceholders(value, found);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collectPlaceholders(element, found));
        } else if (node != null) {
            collectPlaceholders(String.valueOf(node), found);
        }
    }

    /** {@code ${NAME}} and {@code ${NAME:default}}, and those nested in a default, as Spring reads them. */
    private static void collectPlaceholders(String text, Map<String, String> found) {
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                return;
            }
            String body = text.substring(start + 2, end);
            int colon = body.indexOf(':');
            String name = (colon < 0 ? body : body.substring(0, colon)).trim();
            String fallback = colon < 0 ? null : body.substring(colon + 1);
            found.putIfAbsent(name, fallback);
            if (fallback != null) {
                collectPlaceholders(fallback, found);
            }
            start = text.indexOf("${", end + 1);
        }
    }

    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    // --- reading the compose file

    private static Map<String, Object> services() {
        return servicesOf(COMPOSE);
    }

    private static Map<String, Object> definition(SpecifiedService service) {
        return definitionOf(service.module());
    }

    private static Map<String, Object> definitionOf(String name) {
        Object definition = services().get(name);
        assertThat(definition).as("compose service %s", name).isNotNull();
        return asMap(definition, name);
    }

    private static Map<String, String> environment(SpecifiedService service) {
        return environmentOf(service.module());
    }

    /** Compose accepts a map or a list of {@code NAME=value}; both become a map here. */
    private static Map<String, String> environmentOf(String name) {
        return keyValues(definitionOf(name).get("environment"), name + " environment");
    }

    private static Map<String, String> buildArgs(Object args, String name) {
        return keyValues(args, name + " build args");
    }

    private static Map<String, String> keyValues(Object node, String what) {
        Map<String, String> values = new TreeMap<>();
        if (node instanceof Map<?, ?> map) {
            // a number stays a number in YAML (SERVER_PORT: 18010); the container sees its text
            map.forEach((key, value) -> values.put(String.valueOf(key), Objects.toString(value, "")));
        } else if (node instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                values.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        } else if (node != null) {
            fail("%s is neither a map nor a list: %s", what, node);
        }
        return values;
    }

    /** Each published port as {@code host:container}; a port published on a random host port has host "?". */
    private static List<String> publishedPorts(SpecifiedService service) {
        Object ports = definition(service).get("ports");
        List<String> published = new ArrayList<>();
        if (ports instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> longSyntax) {
                    published.add(Objects.toString(longSyntax.get("published"), "?") + ":" + longSyntax.get("target"));
                } else {
                    // [ip:][host:]container[/protocol]
                    String[] parts = String.valueOf(entry).replaceFirst("/\\w+$", "").split(":");
                    String container = parts[parts.length - 1];
                    published.add((parts.length > 1 ? parts[parts.length - 2] : "?") + ":" + container);
                }
            }
        }
        return published;
    }

    /** The scripts mounted into the service's /docker-entrypoint-initdb.d/, which PostgreSQL's image runs once. */
    private static String initScriptsOf(String name) {
        Object volumes = definitionOf(name).get("volumes");
        StringBuilder scripts = new StringBuilder();
        if (volumes instanceof List<?> mounts) {
            for (Object mount : mounts) {
                String source;
                String target;
                if (mount instanceof Map<?, ?> longSyntax) {
                    source = String.valueOf(longSyntax.get("source"));
                    target = String.valueOf(longSyntax.get("target"));
                } else {
                    String[] parts = String.valueOf(mount).split(":");
                    source = parts[0];
                    target = parts.length > 1 ? parts[1] : "";
                }
                if (target.startsWith("/docker-entrypoint-initdb.d") && (source.startsWith(".")
                        || source.startsWith("/"))) {
                    for (Path script : filesAt(ROOT.resolve(source).normalize())) {
                        scripts.append(read(script)).append('\n');
                    }
                }
            }
        }
        assertThat(scripts).as("init scripts mounted into %s's /docker-entrypoint-initdb.d/", name).isNotEmpty();
        return scripts.toString();
    }

    /** A mounted file, or the files of a mounted folder in the order the image runs them. */
    private static List<Path> filesAt(Path mounted) {
        if (!Files.isDirectory(mounted)) {
            return List.of(mounted);
        }
        try (Stream<Path> files = Files.list(mounted)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
