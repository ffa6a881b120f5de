package org.openedx.suite.insights;

import org.openedx.suite.testsupport.ServiceContainers;
import org.springframework.boot.SpringApplication;

/**
 * The insights service on a developer's machine with its PostgreSQL and Kafka in containers
 * ({@link ServiceContainers}): {@code ./mvnw -pl insights-service spring-boot:test-run}.
 */
public final class TestInsightsApplication {

    private TestInsightsApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(InsightsApplication::main).with(ServiceContainers.class).run(args);
    }
}
