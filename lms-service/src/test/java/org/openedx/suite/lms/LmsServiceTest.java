package org.openedx.suite.lms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.ServiceTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole LMS on a random port against real PostgreSQL and Kafka, with {@link Lms} (its REST API, and the topics it
 * consumes and announces on) for the test to inject. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@Import(LmsServiceTest.Clients.class)
// an integration registered with narrow scopes, as an operator would configure one (ADR 7)
@TestPropertySource(properties = {
        "suite.identity.clients[0].client-id=" + LmsServiceTest.REPORTING_CLIENT,
        "suite.identity.clients[0].client-secret=" + LmsServiceTest.REPORTING_SECRET,
        "suite.identity.clients[0].scopes=grades:read,certificates:read",
        // outbound calls go to HttpReceivers on the loopback address, and are retried quickly
        "suite.outbound.allowed-hosts=127.0.0.1",
        "suite.outbound.first-retry=100ms",
        "suite.outbound.max-retry-interval=400ms",
        "suite.outbound.poll-interval=200ms",
        "suite.outbound.connect-timeout=1s",
        "suite.outbound.read-timeout=3s",
        "suite.outbound.lease=10s",
        // a subscription failing this long is disabled: short enough for a test to see it
        "suite.webhooks.disable-after=20s"})
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface LmsServiceTest {

    String REPORTING_CLIENT = "reporting";
    String REPORTING_SECRET = "test-reporting-secret";

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        /** The LMS sends ORA submissions to {@link PlagiarismService}, and takes callbacks signed with its secret. */
        @Bean
        static DynamicPropertyRegistrar plagiarismService() {
            return registry -> {
                registry.add("suite.ora.plagiarism-url", () -> PlagiarismService.RECEIVER.url(PlagiarismService.PATH));
                registry.add("suite.ora.plagiarism-secret", () -> PlagiarismService.SECRET);
            };
        }

        /** Lazy: the port is known once the server has started, after the other beans. */
        @Bean
        @Lazy
        Lms lms(Environment environment, EventBusTopics topics) {
            return new Lms(environment.getRequiredProperty("local.server.port", Integer.class),
                    environment.getRequiredProperty("spring.kafka.bootstrap-servers"), topics);
        }
    }
}
