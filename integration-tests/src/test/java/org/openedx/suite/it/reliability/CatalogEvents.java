package org.openedx.suite.it.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.runner.Suite;

/**
 * Writes catalog events straight onto the topic, as the CMS would, for tests that need many of them fast or need
 * them malformed. One producer for the lot; close it to flush.
 */
final class CatalogEvents implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    CatalogEvents(Suite suite) {
        this.topic = suite.topic(Topics.COURSE_CATALOG_INFO_CHANGED);
        Properties config = new Properties();
        config.putAll(suite.kafka().adminClientProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config);
    }

    UUID send(String courseKey, String title, Instant time) {
        UUID id = UUID.randomUUID();
        send(id, courseKey, title, time);
        return id;
    }

    /** Sends without waiting; the answer says where the record went once the broker has it. */
    Future<RecordMetadata> send(UUID id, String courseKey, String title, Instant time) {
        return sendRaw(courseKey, EventJson.write(payload(courseKey, title)), headers(id, time));
    }

    /** Anything at all, for poison messages: the headers as given, the value as given. */
    Future<RecordMetadata> sendRaw(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record);
    }

    /** Where a record sent went: its partition and offset, once the broker acknowledged it. */
    static RecordMetadata written(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    static Map<String, String> headers(UUID id, Instant time) {
        return EventMetadata.of(id, OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", time, "test").toHeaders();
    }

    static CatalogInfoChangedEvent payload(String courseKey, String title) {
        return new CatalogInfoChangedEvent(new CourseCatalogData(courseKey, title,
                new CourseScheduleData(Instant.parse("2026-09-01T00:00:00Z"), CourseScheduleData.SELF_PACED, null,
                        null, null), false, false));
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
