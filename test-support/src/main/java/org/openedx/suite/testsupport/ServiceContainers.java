package org.openedx.suite.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka in containers of docker-compose.yml's images, connected to the service by Spring Boot's
 * {@code @ServiceConnection}: what a service's {@code TestXxxApplication} adds, so that
 * {@code ./mvnw -pl <service> spring-boot:test-run} starts it with nothing else running (Docker, or an engine that
 * speaks its API, needed).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServiceContainers {

    @Bean
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer(DockerImageName.parse(RealPostgres.IMAGE));
    }

    @Bean
    @ServiceConnection
    KafkaContainer kafka() {
        return new KafkaContainer(DockerImageName.parse(RealKafka.IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }
}
