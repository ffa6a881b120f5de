package org.openedx.suite.discovery;

import org.openedx.suite.testsupport.ServiceContainers;
import org.springframework.boot.SpringApplication;

/**
 * The discovery service on a developer's machine with its PostgreSQL and Kafka in containers
 * ({@link ServiceContainers}): {@code ./mvnw -pl discovery-service spring-boot:test-run}.
 */
public final class TestDiscoveryApplication {

    private TestDiscoveryApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(DiscoveryApplication::main).with(ServiceContainers.class).run(args);
    }
}
