package org.openedx.suite.exams;

import org.openedx.suite.testsupport.ServiceContainers;
import org.springframework.boot.SpringApplication;

/**
 * The exams service on a developer's machine with its PostgreSQL and Kafka in containers
 * ({@link ServiceContainers}): {@code ./mvnw -pl exams-service spring-boot:test-run}.
 */
public final class TestExamsApplication {

    private TestExamsApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(ExamsApplication::main).with(ServiceContainers.class).run(args);
    }
}
