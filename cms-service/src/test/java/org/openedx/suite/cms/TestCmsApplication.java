package org.openedx.suite.cms;

import org.openedx.suite.testsupport.ServiceContainers;
import org.springframework.boot.SpringApplication;

/**
 * The CMS on a developer's machine with its PostgreSQL and Kafka in containers
 * ({@link ServiceContainers}): {@code ./mvnw -pl cms-service spring-boot:test-run}.
 */
public final class TestCmsApplication {

    private TestCmsApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(CmsApplication::main).with(ServiceContainers.class).run(args);
    }
}
