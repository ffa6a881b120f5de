package org.openedx.suite.credentials;

import org.openedx.suite.testsupport.ServiceContainers;
import org.springframework.boot.SpringApplication;

/**
 * The credentials service on a developer's machine with its PostgreSQL and Kafka in containers
 * ({@link ServiceContainers}): {@code ./mvnw -pl credentials-service spring-boot:test-run}.
 */
public final class TestCredentialsApplication {

    private TestCredentialsApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(CredentialsApplication::main).with(ServiceContainers.class).run(args);
    }
}
