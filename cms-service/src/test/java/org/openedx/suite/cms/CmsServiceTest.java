package org.openedx.suite.cms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.openedx.suite.cms.content.ContentClient;
import org.openedx.suite.cms.course.CmsClient;
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
 * The whole CMS on a random port against real PostgreSQL and Kafka, with {@link CmsClient} (its REST API, the catalog
 * topic it writes to, and its outbox) and {@link ContentClient} (blocks, tags, search) handed to the test's
 * constructor. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@AutoConfigureRestTestClient
@Import(CmsServiceTest.Clients.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface CmsServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        @Bean
        CmsClient cmsClient(RestTestClient http, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                            EventBusTopics topics, JdbcTemplate jdbc) {
            return new CmsClient(http, bootstrapServers, topics, jdbc);
        }

        @Bean
        ContentClient contentClient(RestTestClient http,
                                    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                    EventBusTopics topics, JdbcTemplate jdbc) {
            return new ContentClient(http, bootstrapServers, topics, jdbc);
        }
    }
}
