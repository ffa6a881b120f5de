package org.openedx.suite.lms;

import org.openedx.suite.testsupport.ServiceContainers;
import org.springframework.boot.SpringApplication;

/**
 * The LMS on a developer's machine with its PostgreSQL and Kafka in containers
 * ({@link ServiceContainers}): {@code ./mvnw -pl lms-service spring-boot:test-run}.
 */
public final class TestLmsApplication {

    /** The operator client's secret, which the LMS requires: a fixed one, for a developer's machine only. */
    private static final String DEV_ADMIN_CLIENT_SECRET = "--suite.identity.admin-client-secret=dev-only-secret";

    private TestLmsApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(LmsApplication::main).with(ServiceContainers.class).run(withDefaults(args));
    }

    private static String[] withDefaults(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = DEV_ADMIN_CLIENT_SECRET;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
