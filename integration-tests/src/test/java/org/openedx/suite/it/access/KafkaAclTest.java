package org.openedx.suite.it.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.KafkaLogin;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The bus holds each service to its own topics (ADR 8): every client logs in with SASL/SCRAM-SHA-512, and the ACLs let
 * a service write only the topics it produces. A principal that is not the CMS's cannot write a catalog event, a
 * service cannot read a topic it does not consume, and a client without a login gets nowhere; what is refused leaves
 * nothing on the topic.
 */
class KafkaAclTest {

    private static final String EVENT = "{\"catalog_info\":{}}";

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.with(SuiteService.values());
    }

    @Test
    void only_the_cms_principal_writes_catalog_events() {
        String catalog = suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED);
        long before = endOffsets(catalog);

        for (SuiteService impostor : List.of(SuiteService.LMS, SuiteService.EXAMS, SuiteService.DISCOVERY)) {
            assertThatThrownBy(() -> send(login(impostor), catalog))
                    .as("%s writing to %s", impostor.shortName(), catalog)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }

        assertThat(endOffsets(catalog)).as("records on %s after the refused writes", catalog).isEqualTo(before);
    }

    @Test
    void a_principal_writes_the_topics_its_service_produces_and_no_other() throws Exception {
        String certificates = suite.topic(Topics.LEARNING_CERTIFICATE_LIFECYCLE);
        // the badges topic has no consumer yet, so this record disturbs no one
        assertThat(send(login(SuiteService.LMS), suite.topic(Topics.LEARNING_BADGES_LIFECYCLE))).isNotNull();
        assertThatThrownBy(() -> send(login(SuiteService.CREDENTIALS), certificates))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void a_service_reads_only_the_topics_it_consumes() {
        Map<String, Object> discovery = login(SuiteService.DISCOVERY);
        String certificates = suite.topic(Topics.LEARNING_CERTIFICATE_LIFECYCLE);

        assertThatThrownBy(() -> poll(discovery, certificates)).isInstanceOf(TopicAuthorizationException.class);
        poll(login(SuiteService.CREDENTIALS), certificates);
    }

    @Test
    void a_client_without_a_login_gets_nowhere() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        String catalog = suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED);
        long before = endOffsets(catalog);

        assertThatThrownBy(() -> send(anonymous, catalog)).isNotNull();

        assertThat(endOffsets(catalog)).isEqualTo(before);
    }

    private static Map<String, Object> login(SuiteService service) {
        KafkaLogin login = suite.kafkaLogin(service);
        return suite.kafka().clientProperties(login.username(), login.password());
    }

    private static Object send(Map<String, Object> client, String topic) throws Exception {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, "course-v1:edX+Forged+2026",
                    EVENT.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static void poll(Map<String, Object> client, String topic) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.poll(Duration.ofSeconds(3));
        }
    }

    private static long endOffsets(String topic) {
        return KafkaTopics.readAll(suite.kafka(), topic).size();
    }
}
