package org.openedx.suite.exams;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole exams service on a random port against real PostgreSQL and Kafka, with its REST API ({@link ExamsApi})
 * and its event topic ({@link ExamAttemptTopic}) handed to the test's constructor. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@AutoConfigureRestTestClient
@Import(ExamsServiceTest.Clients.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface ExamsServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        @Bean
        ExamsApi examsApi(RestTestClient http) {
            return new ExamsApi(http);
        }

        @Bean
        ExamAttemptTopic examAttemptTopic(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                          EventBusTopics topics, JdbcTemplate jdbc) {
            // one topic carries all five lifecycle events; any of them names it
            return new ExamAttemptTopic(bootstrapServers, topics.topicOf(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED), jdbc);
        }
    }
}
