package org.openedx.suite.discovery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.openedx.suite.discovery.courserun.Catalog;
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
 * The whole Discovery service on a random port against real PostgreSQL and Kafka, with {@link Catalog} (the catalog
 * topic the CMS writes to, and the REST API) handed to the test's constructor. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@AutoConfigureRestTestClient
@Import(DiscoveryServiceTest.Clients.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface DiscoveryServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        @Bean
        Catalog catalog(RestTestClient http, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                        EventBusTopics topics, JdbcTemplate jdbc) {
            return new Catalog(http, bootstrapServers, topics, jdbc);
        }
    }
}
