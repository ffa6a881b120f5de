package org.openedx.suite.eventbus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts the failed deliveries of the record each partition is retrying, so that its dead letter can say how often it
 * was tried. The error handler reports every failed delivery, the last one included, before it hands the record to
 * the recoverer; a record that is not retryable goes to the recoverer without being reported.
 * <p>
 * One entry per partition is enough: retries are blocking, so a partition retries one record at a time. That also
 * keeps the map bounded when a record succeeds on a retry, which the error handler does not report.
 */
final class DeliveryAttempts implements RetryListener {

    private final Map<TopicPartition, Attempts> failing = new ConcurrentHashMap<>();

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        failing.put(partitionOf(record), new Attempts(record.offset(), deliveryAttempt));
    }

    /** How many times this record was delivered before the consumer gave up: 1 when it was never retried. */
    int takeFor(ConsumerRecord<?, ?> record) {
        Attempts attempts = failing.remove(partitionOf(record));
        return attempts != null && attempts.offset() == record.offset() ? attempts.count() : 1;
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private record Attempts(long offset, int count) {
    }
}
