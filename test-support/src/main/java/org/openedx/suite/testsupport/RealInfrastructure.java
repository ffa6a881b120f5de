package org.openedx.suite.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database on the JVM's real PostgreSQL, at the JVM's real Kafka broker and
 * at the JVM's {@link TestIssuer} of tokens.
 * Use with {@code @ContextConfiguration(initializers = RealInfrastructure.class)} or {@link ServiceTest}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "service");
        String database = RealPostgres.newDatabase(name);
        TestPropertyValues.of(
                "spring.datasource.url=" + database,
                // a service with a search index keeps it beside its database: a fresh one for a fresh database
                "spring.jpa.properties.hibernate.search.backend.directory.root=" + searchIndexDirectory(database),
                "spring.datasource.username=" + RealPostgres.USER,
                "spring.datasource.password=" + RealPostgres.PASSWORD,
                "spring.kafka.bootstrap-servers=" + RealKafka.bootstrapServers(),
                // the services other than the LMS trust this JVM's stand-in for the LMS's token issuer
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.uri(),
                // the LMS needs its operator client's secret; the others do not read it
                "suite.identity.admin-client-secret=" + TestIssuer.OPERATOR_SECRET,
                // each context gets its own topics, so contexts cached side by side do not consume each other's events
                "event-bus.topic-prefix=t" + Integer.toHexString(System.identityHashCode(context)))
                .applyTo(context);
    }

    /**
     * The command-line arguments that start a service as an application ({@code SpringApplicationBuilder.run}) on
     * {@code databaseUrl}, with this JVM's Kafka and token issuer, topics of its own and the search index beside the
     * database, on a free port: what a test that stops and starts a service again passes each time. Arguments win
     * over application.yml, as the environment's variables do; {@code more} are added as they are.
     */
    public static String[] applicationArguments(String databaseUrl, String topicPrefix, String... more) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + RealPostgres.USER,
                "--spring.datasource.password=" + RealPostgres.PASSWORD,
                "--spring.kafka.bootstrap-servers=" + RealKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.uri(),
                "--spring.jpa.properties.hibernate.search.backend.directory.root=" + searchIndexDirectory(databaseUrl),
                "--event-bus.topic-prefix=" + topicPrefix,
                "--server.port=0"));
        arguments.addAll(java.util.List.of(more));
        return arguments.toArray(String[]::new);
    }

    /**
     * In a temporary directory of this JVM's own (the JVM's databases are new, so must their indexes be), named after
     * the database: a context started again on the same database finds its index again.
     */
    public static String searchIndexDirectory(String databaseUrl) {
        String path = databaseUrl.replaceFirst("\\?.*$", "");
        return SearchIndexes.ROOT.resolve(path.substring(path.lastIndexOf('/') + 1)).toString();
    }

    private static final class SearchIndexes {
        static final java.nio.file.Path ROOT;

        static {
            try {
                ROOT = java.nio.file.Files.createTempDirectory("suite-search-indexes");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
