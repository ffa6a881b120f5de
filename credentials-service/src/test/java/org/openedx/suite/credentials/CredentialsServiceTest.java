package org.openedx.suite.credentials;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.ServiceTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole credentials service on a random port against real PostgreSQL and Kafka, with its REST API
 * ({@link CredentialsApi}) and the LMS that sends it certificate events ({@link Lms}) handed to the test's
 * constructor. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@AutoConfigureRestTestClient
@Import(CredentialsServiceTest.Clients.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
// badges count certificates too; calls to the badge provider go to a loopback server and are retried quickly
@TestPropertySource(properties = {
        "suite.badges.event-types=org.openedx.learning.course.passing.status.updated.v1,"
                + "org.openedx.learning.ccx.course.passing.status.updated.v1,"
                + "org.openedx.learning.certificate.created.v1,org.openedx.learning.certificate.revoked.v1",
        "suite.outbound.allowed-hosts=127.0.0.1",
        "suite.outbound.first-retry=100ms",
        "suite.outbound.max-retry-interval=400ms",
        "suite.outbound.poll-interval=200ms",
        "suite.outbound.connect-timeout=1s",
        "suite.outbound.read-timeout=3s",
        "suite.outbound.lease=10s"})
public @interface CredentialsServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        /** Credly is {@link BadgeProvider}. */
        @Bean
        static DynamicPropertyRegistrar badgeProvider() {
            return registry -> {
                registry.add("suite.badges.credly.url", () -> BadgeProvider.CREDLY.url("/credly").toString());
                registry.add("suite.badges.credly.organization-id", () -> BadgeProvider.ORGANIZATION);
                registry.add("suite.badges.credly.api-key", () -> BadgeProvider.API_KEY);
            };
        }

        @Bean
        CredentialsApi credentialsApi(RestTestClient http) {
            return new CredentialsApi(http);
        }

        @Bean
        Lms lms(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, EventBusTopics topics) {
            // one topic carries created, changed and revoked; any of them names it
            String topic = topics.topicOf(OpenEdxEvents.CERTIFICATE_CREATED);
            return new Lms(bootstrapServers, topic, topics.deadLetterTopicOf(topic));
        }
    }
}
