package org.openedx.suite.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Kafka broker (KRaft) for the tests of one JVM, started on first use: embedded, or the container of
 * docker-compose.yml's image, as {@link SuiteInfrastructure} chose. Like production brokers it does not create topics
 * on its own: the services must.
 */
public final class RealKafka {

    /** The image docker-compose.yml runs. */
    public static final String IMAGE = "apache/kafka:4.2.0";

    private static EmbeddedKafkaBroker broker;
    private static KafkaContainer container;

    private RealKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (SuiteInfrastructure.current() == SuiteInfrastructure.CONTAINERS) {
            if (container == null) {
                KafkaContainer started = new KafkaContainer(DockerImageName.parse(IMAGE))
                        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                        .withEnv("KAFKA_NUM_PARTITIONS", "3");
                started.start();
                container = started;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kafka-container-stop"));
            }
            return container.getBootstrapServers();
        }
        if (broker == null) {
            EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 3);
            kraft.brokerProperty("auto.create.topics.enable", "false");
            kraft.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kraft.afterPropertiesSet();
            broker = kraft;
            Runtime.getRuntime().addShutdownHook(new Thread(kraft::destroy, "embedded-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }
}
