package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.openedx.suite.testsupport.RealKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service meets topics that someone else made, with more partitions than it would give them; it creates only what
 * is missing, its dead-letter topics among them. A poison message on a partition the dead-letter topic does not have
 * still becomes a dead letter, and the partition moves on.
 */
@SpringBootTest
@ContextConfiguration(initializers = {RealInfrastructure.class, TopicMadeElsewhereTest.WideCatalogTopic.class})
class TopicMadeElsewhereTest {

    /** The service creates its topics with 2 partitions (test configuration); this one was made with 4. */
    static final int PARTITIONS = 4;

    @Autowired EventBusTopics topics;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_poison_message_on_a_partition_the_dead_letter_topic_lacks_is_dead_lettered_and_the_partition_moves_on() {
        String topic = topics.topicOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
        String courseKey = "course-v1:edX+W" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        UUID poison = UUID.randomUUID();

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            int last = PARTITIONS - 1;
            producer.send(record(topic, last, courseKey, "{not json".getBytes(StandardCharsets.UTF_8), poison));
            producer.send(record(topic, last, courseKey, EventJson.write(new CatalogInfoChangedEvent(
                    new CourseCatalogData(courseKey, "Behind the poison", new CourseScheduleData(
                            Instant.parse("2027-01-01T00:00:00Z"), CourseScheduleData.SELF_PACED, null, null, null),
                            false, false))), UUID.randomUUID()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT name FROM course_run WHERE course_key = ?", String.class, courseKey),
                names -> names.equals(List.of("Behind the poison")));
        var deadLetters = await().atMost(Duration.ofSeconds(30)).until(() -> new KafkaTestClient(
                RealKafka.bootstrapServers()).readAll(topics.deadLetterTopicOf(topic)).stream()
                .filter(letter -> poison.toString().equals(letter.header("ce_id"))).toList(), l -> l.size() == 1);
        assertThat(deadLetters.get(0).partition()).as("a partition the dead-letter topic has").isLessThan(2);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int partition, String key, byte[] value,
                                                         UUID eventId) {
        var record = new ProducerRecord<>(topic, partition, key.getBytes(StandardCharsets.UTF_8), value);
        EventMetadata.of(eventId, OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", Instant.now(), "test-host")
                .toHeaders().forEach((name, text) ->
                        record.headers().add(new RecordHeader(name, text.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** Makes the catalog topic before the service starts, under the topic prefix the context was given. */
    static class WideCatalogTopic implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String prefix = context.getEnvironment().getProperty("event-bus.topic-prefix");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealKafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(prefix + "-" + Topics.COURSE_CATALOG_INFO_CHANGED,
                        PARTITIONS, (short) 1))).all().get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("could not make the catalog topic", e);
            }
        }
    }
}
