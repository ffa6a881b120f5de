package org.openedx.suite.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft) for the tests of one JVM, started on first use. Like production brokers it does not
 * create topics on its own: the services must.
 */
public final class RealKafka {

    private static EmbeddedKafkaBroker broker;

    private RealKafka() {
    }

    public static synchronized String bootstrapServers() {
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
