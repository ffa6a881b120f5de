package org.openedx.suite.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.openedx.suite.contracts.EventMetadata;

/**
 * The Kafka limit of a flow: a plain producer loop with the relay's settings (idempotent, {@code acks=all}, linger
 * 5 ms, 128 KiB batches, lz4) sending N records of the flow's size, keys and {@code ce_*} headers to a fresh topic with
 * the same partitions, and a plain consumer loop reading them all back.
 */
final class RawKafka {

    record Result(int messages, int payloadBytes, int recordBytes, double producerSeconds,
                  double producerPerSecond, double consumerSeconds, double consumerPerSecond) {
    }

    /** The broker and the login the services' clients use too (SASL/SCRAM, ADR 8), so the comparison is like for like. */
    private final Map<String, Object> client;

    RawKafka(Map<String, Object> client) {
        this.client = Map.copyOf(client);
    }

    Result run(String flow, Flow.WireSample sample, int messages) throws Exception {
        String topic = "bench-raw-" + flow + "-" + System.currentTimeMillis();
        Properties adminConfig = new Properties();
        adminConfig.putAll(client);
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, Keys.PARTITIONS, (short) 1))).all().get();
            try {
                return measure(topic, sample, messages);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private Result measure(String topic, Flow.WireSample sample, int messages) throws Exception {
        // the envelope as the relay writes it; only the event id differs from record to record
        Map<String, String> envelope = EventMetadata.of(UUID.randomUUID(), sample.eventType(), "bench",
                Instant.now(), "bench-host").toHeaders();
        String[] ids = new String[messages];
        for (int i = 0; i < messages; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        byte[][] keys = sample.keys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int recordBytes = sample.payload().length + keys[0].length;
        for (Map.Entry<String, String> header : envelope.entrySet()) {
            recordBytes += header.getKey().length() + header.getValue().length();
        }

        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long produced;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            producer.partitionsFor(topic);
            long started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, keys[i % keys.length],
                        sample.payload());
                for (Map.Entry<String, String> header : envelope.entrySet()) {
                    String value = header.getKey().equals(EventMetadata.ID) ? ids[i] : header.getValue();
                    record.headers().add(new RecordHeader(header.getKey(), value.getBytes(StandardCharsets.UTF_8)));
                }
                producer.send(record, (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            produced = System.nanoTime() - started;
        }
        if (failure.get() != null || acknowledged.get() != messages) {
            throw new IllegalStateException("raw producer: " + acknowledged.get() + " of " + messages
                    + " acknowledged", failure.get());
        }

        long consumed;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Keys.PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(5).toNanos();
            while (read < messages) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    // touch what a consumer reads: the value and the envelope
                    bytes += record.value().length + record.headers().lastHeader(EventMetadata.ID).value().length;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + read + " of " + messages);
                }
            }
            consumed = System.nanoTime() - started;
            if (bytes == 0) {
                throw new IllegalStateException("raw consumer read empty records");
            }
        }
        return new Result(messages, sample.payload().length, recordBytes, produced / 1e9,
                Stats.rate(messages, produced), consumed / 1e9, Stats.rate(messages, consumed));
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // what EventBusAutoConfiguration gives the relay
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
