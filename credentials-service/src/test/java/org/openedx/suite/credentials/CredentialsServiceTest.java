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
import org.springframework.test.context.TestConstructor;
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
public @interface CredentialsServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

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
