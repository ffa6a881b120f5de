package org.openedx.suite.insights;

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
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole insights service on a random port against real PostgreSQL and Kafka, with its API ({@link InsightsApi})
 * and the services that send it tracking logs ({@link Trackers}) handed to the test's constructor; statements are
 * forwarded to {@link Lrs}, a real HTTP server. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@AutoConfigureRestTestClient
@Import(InsightsServiceTest.Clients.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
// the LRS is a loopback server, and its calls are retried quickly
@TestPropertySource(properties = {
        "insights.lms-root-url=http://lms.example.com",
        "insights.lms-public-url=http://lms.example.com:18000",
        "insights.anonymous-id-secret=test-secret",
        "suite.outbound.allowed-hosts=127.0.0.1",
        "suite.outbound.first-retry=100ms",
        "suite.outbound.max-retry-interval=400ms",
        "suite.outbound.poll-interval=200ms",
        "suite.outbound.connect-timeout=1s",
        "suite.outbound.read-timeout=3s",
        "suite.outbound.lease=10s"})
public @interface InsightsServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        /** The external LRS is {@link Lrs}. */
        @Bean
        static DynamicPropertyRegistrar lrs() {
            return registry -> {
                registry.add("insights.lrs.url", () -> Lrs.RECEIVER.url(Lrs.BASE).toString());
                registry.add("insights.lrs.username", () -> Lrs.USERNAME);
                registry.add("insights.lrs.password", () -> Lrs.PASSWORD);
            };
        }

        @Bean
        InsightsApi insightsApi(RestTestClient http, Environment environment) {
            return new InsightsApi(http, environment);
        }

        @Bean
        Trackers trackers(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, EventBusTopics topics) {
            String topic = topics.topicOf(OpenEdxEvents.TRACKING_EVENT_EMITTED);
            return new Trackers(bootstrapServers, topic, topics.deadLetterTopicOf(topic));
        }
    }
}
