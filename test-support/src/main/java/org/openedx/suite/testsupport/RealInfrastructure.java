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
        TestPropertyValues.of(
                "spring.datasource.url=" + RealPostgres.newDatabase(name),
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
}
