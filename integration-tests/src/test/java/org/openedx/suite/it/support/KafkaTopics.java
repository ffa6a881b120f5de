package org.openedx.suite.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.openedx.suite.runner.KafkaBroker;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;

/**
 * Kafka as any client sees it, behind the services' backs: write raw records (a late, duplicate or malformed event)
 * and read everything a topic holds (a dead-letter topic, what a producer emitted).
 */
public final class KafkaTopics {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private KafkaTopics() {
    }

    /**
     * A record as read back.
     *
     * @param headers the headers as text; a header repeated keeps its last value
     */
    public record Message(String topic, int partition, long offset, String key, byte[] value,
                          Map<String, String> headers) {

        public String valueAsText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** The payload as an event record of the contracts. */
        public <T> T payload(Class<T> type) {
            return EventJson.read(value, type);
        }

        public EventMetadata metadata() {
            return EventMetadata.fromHeaders(headers);
        }

        /**
         * The {@code ce_id}, or null when there is none that reads as one: topics also carry the poison messages of
         * other tests, so filters on it must not throw.
         */
        public UUID eventId() {
            try {
                return UUID.fromString(headers.get(EventMetadata.ID));
            } catch (RuntimeException noId) {
                return null;
            }
        }
    }

    /** Writes one record and waits until the broker has it; returns where it went (partition and offset). */
    public static RecordMetadata produce(KafkaBroker broker, String topic, String key, byte[] value,
                                         Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(broker))) {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
    }

    /** Writes an event as an Open edX producer would: the envelope in {@code ce_*} headers, the payload as JSON. */
    public static RecordMetadata produceEvent(KafkaBroker broker, String topic, String key,
                                              EventMetadata metadata, Object payload) {
        return produce(broker, topic, key, EventJson.write(payload), metadata.toHeaders());
    }

    /** Creates a topic unless it exists. */
    public static void createTopic(KafkaBroker broker, String topic, int partitions) {
        Answer<Void> created = ask(broker, admin -> admin.createTopics(
                List.of(new NewTopic(topic, partitions, (short) 1))).all());
        if (!(created.failure() instanceof TopicExistsException)) {
            created.orThrow("create " + topic);
        }
    }

    /**
     * The offset a consumer group has committed on a partition, that is the next record it will read after a
     * restart; -1 when it has committed none there.
     */
    public static long committedOffset(KafkaBroker broker, String group, TopicPartition partition) {
        OffsetAndMetadata committed = ask(broker,
                admin -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata())
                .orThrow("read the offsets of " + group).get(partition);
        return committed == null ? -1 : committed.offset();
    }

    /**
     * Moves a consumer group's committed offsets back, as a consumer that died after applying records and before
     * committing their offsets leaves them. Kafka refuses while the group still has members, and a killed consumer
     * stays one until its session times out: then this returns false, to be called again.
     */
    public static boolean rewind(KafkaBroker broker, String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> target = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> target.put(partition, new OffsetAndMetadata(offset)));
        Answer<Void> rewound = ask(broker, admin -> admin.alterConsumerGroupOffsets(group, target).all());
        Throwable failure = rewound.failure();
        if (failure instanceof UnknownMemberIdException || failure instanceof GroupNotEmptyException
                || failure instanceof RebalanceInProgressException) {
            return false;
        }
        rewound.orThrow("rewind " + group + " to " + offsets);
        return true;
    }

    /** What an admin request came back with: its value, or why it failed. */
    private record Answer<T>(T value, Throwable failure) {

        T orThrow(String what) {
            if (failure != null) {
                throw new IllegalStateException("cannot " + what, failure);
            }
            return value;
        }
    }

    private static <T> Answer<T> ask(KafkaBroker broker, Function<Admin, KafkaFuture<T>> request) {
        Properties properties = new Properties();
        properties.putAll(broker.adminClientProperties());
        try (Admin admin = Admin.create(properties)) {
            return new Answer<>(request.apply(admin).get(), null);
        } catch (ExecutionException e) {
            return new Answer<>(null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /**
     * Every committed record the topic holds now, from a fresh consumer (no group, nothing committed), ordered by
     * partition then offset. A topic that does not exist holds nothing.
     */
    public static List<Message> readAll(KafkaBroker broker, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(broker))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, READ_TIMEOUT);
            List<Message> messages = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, end.entrySet())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " within "
                            + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    messages.add(new Message(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value(), headers(record)));
                }
            }
            messages.sort((a, b) -> a.partition() != b.partition()
                    ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return messages;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer,
                                      Collection<Map.Entry<TopicPartition, Long>> end) {
        return end.stream().allMatch(entry -> consumer.position(entry.getKey(), READ_TIMEOUT) >= entry.getValue());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static Properties producerProperties(KafkaBroker broker) {
        Properties properties = new Properties();
        properties.putAll(broker.adminClientProperties());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return properties;
    }

    private static Properties consumerProperties(KafkaBroker broker) {
        Properties properties = new Properties();
        properties.putAll(broker.adminClientProperties());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }
}
