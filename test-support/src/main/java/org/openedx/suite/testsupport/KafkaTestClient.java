package org.openedx.suite.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients for tests: write raw records with any headers, and read everything a topic holds. */
public final class KafkaTestClient {

    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends one record and waits for the broker's acknowledgement. Null header values are sent as such. */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
            headers.forEach((name, text) -> record.headers().add(new RecordHeader(name,
                    text == null ? null : text.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** One record to send with {@link #sendTogether}. */
    public record Outgoing(String key, byte[] value, Map<String, String> headers) {
    }

    /**
     * Sends the records through one producer in one go, so that a consumer is likely to receive them in a single
     * poll, as it does with a busy producer.
     */
    public void sendTogether(String topic, List<Outgoing> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        // one producer batch for all of a partition's records (the default of 16 KiB holds a score or so of events):
        // the broker appends it at once, so a consumer cannot poll some of them before the others have arrived
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (Outgoing outgoing : records) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                        outgoing.key() == null ? null : outgoing.key().getBytes(StandardCharsets.UTF_8),
                        outgoing.value());
                outgoing.headers().forEach((name, text) -> record.headers().add(new RecordHeader(name,
                        text == null ? null : text.getBytes(StandardCharsets.UTF_8))));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Every record the topic holds right now, from all partitions; empty if the topic does not exist. */
    public List<Message> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<Message> messages = new ArrayList<>();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(Message.of(record));
                }
            }
            return messages;
        }
    }

    /** A record as tests look at it: text key and value, headers by name (last one wins). */
    public record Message(String topic, int partition, long offset, String key, String value,
                          Map<String, String> headers) {

        static Message of(ConsumerRecord<byte[], byte[]> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new Message(record.topic(), record.partition(), record.offset(), text(record.key()),
                    text(record.value()), headers);
        }

        private static String text(byte[] bytes) {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    public static String describe(List<Message> messages) {
        return messages.stream().map(m -> m.key() + "@" + m.partition() + ":" + m.offset())
                .collect(Collectors.joining(", "));
    }
}
