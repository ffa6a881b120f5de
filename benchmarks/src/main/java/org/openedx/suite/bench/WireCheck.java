package org.openedx.suite.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;

/**
 * Reads a flow's events back from its topic after the pipeline run and checks what the relay put there: every event
 * once (a repeat on the wire is allowed, the consumer drops it, but it is counted), and per entity in the order the
 * producer committed them: event times never go backwards, and lifecycles alternate (created, revoked, created...).
 */
final class WireCheck {

    private final Bench bench;

    WireCheck(Bench bench) {
        this.bench = bench;
    }

    List<Flow.Check> check(Flow flow, Instant since, int events) {
        String topic = bench.suite.topic(flow.topic());
        String typePrefix = flow.eventTypes().replace("%", "");
        Set<String> ids = new HashSet<>();
        Map<String, Instant> lastTime = new HashMap<>();
        Map<String, String> lastType = new HashMap<>();
        long records = 0;
        long backwards = 0;
        long repeatedType = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(times);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = from.get(partition);
                consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " back within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    String type = header(record, EventMetadata.TYPE);
                    if (type == null || !type.startsWith(typePrefix)) {
                        continue;
                    }
                    records++;
                    if (!ids.add(header(record, EventMetadata.ID))) {
                        continue;
                    }
                    String entity = flow.entityOf(Rest.parse(new String(record.value(), StandardCharsets.UTF_8)));
                    Instant time = EventTimes.parse(header(record, EventMetadata.TIME));
                    Instant previous = lastTime.put(entity, time);
                    if (previous != null && time.isBefore(previous)) {
                        backwards++;
                    }
                    String previousType = lastType.put(entity, type);
                    if (flow.typesAlternate() && type.equals(previousType)) {
                        repeatedType++;
                    }
                }
            }
        }
        List<Flow.Check> checks = new ArrayList<>();
        checks.add(new Flow.Check("every event on the topic", ids.size() == events,
                ids.size() + " distinct events of " + events + "; " + (records - ids.size())
                        + " sent again by the relay"));
        checks.add(new Flow.Check("per-entity order kept on the topic", backwards == 0 && repeatedType == 0,
                lastTime.size() + " entities; " + backwards + " events older than their predecessor"
                        + (flow.typesAlternate() ? ", " + repeatedType + " lifecycle steps out of turn" : "")));
        return checks;
    }

    private Properties config() {
        Properties config = new Properties();
        config.putAll(bench.suite.kafka().adminClientProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return config;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
