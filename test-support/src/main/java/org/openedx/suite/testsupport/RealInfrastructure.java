package org.openedx.suite.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database on the JVM's real PostgreSQL and at the JVM's real Kafka broker.
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
                // each context gets its own topics, so contexts cached side by side do not consume each other's events
                "event-bus.topic-prefix=t" + Integer.toHexString(System.identityHashCode(context)))
                .applyTo(context);
    }
}
