package org.openedx.suite.eventbus;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the event bus ({@code event-bus.*}).
 *
 * @param service      the service's short name in {@code ce_source} ({@code openedx/<service>/web}), e.g. {@code lms}
 * @param topicPrefix  prepended to every topic with a dash ({@code EVENT_BUS_TOPIC_PREFIX}); empty for none
 * @param partitions   partitions of the topics the service creates, dead-letter topics included
 * @param replicationFactor replication of the topics the service creates
 * @param trackingLogs the tracking log names the service sends on the bus ({@code EVENT_BUS_TRACKING_LOGS}, comma
 *                     separated, as Open edX's setting); none by default
 */
@ConfigurationProperties("event-bus")
public record EventBusProperties(
        String service,
        String topicPrefix,
        int partitions,
        short replicationFactor,
        Relay relay,
        Consumer consumer,
        List<String> trackingLogs,
        Retention retention) {

    public EventBusProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("event-bus.service must name the service, e.g. lms");
        }
        topicPrefix = topicPrefix == null ? "" : topicPrefix.trim();
        partitions = partitions <= 0 ? 3 : partitions;
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        relay = relay == null ? new Relay(0, null, null, null) : relay;
        consumer = consumer == null ? new Consumer(0, null, 0) : consumer;
        trackingLogs = trackingLogs == null ? List.of()
                : trackingLogs.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
        retention = retention == null ? new Retention(null, null, null, null, 0) : retention;
    }

    /**
     * @param batchSize    most events published per relay round (one transaction)
     * @param pollInterval how often the relay looks for events when no commit woke it (other instances, restarts)
     * @param maxBackoff   longest wait between attempts while Kafka is unreachable
     * @param sendTimeout  how long a round waits for Kafka's acknowledgements before it counts as failed
     */
    public record Relay(int batchSize, Duration pollInterval, Duration maxBackoff, Duration sendTimeout) {
        public Relay {
            // large rounds amortise a round's fixed cost (a select, a flush, the acks, a delete, a commit) under load
            batchSize = batchSize <= 0 ? 5000 : batchSize;
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        }
    }

    /**
     * @param attempts    how many times a failing event is tried before it goes to the dead-letter topic
     * @param backoff     wait between attempts
     * @param concurrency consumer threads; by default one per partition of the subscribed topics
     */
    public record Consumer(int attempts, Duration backoff, int concurrency) {
        public Consumer {
            attempts = attempts <= 0 ? 3 : attempts;
            backoff = backoff == null ? Duration.ofMillis(200) : backoff;
        }
    }

    /**
     * How long the event bus keeps its bookkeeping ({@link EventBusRetention} says why these ages keep exactly-once
     * and newest-wins true).
     *
     * @param consumedEvents      the dedupe log's rows: longer than a record can stay on a topic (its retention plus
     *                            a segment's age, 7 + 7 days by Kafka's defaults)
     * @param entityVersions      newest-wins versions of entities not changed since
     * @param replayedDeadLetters dead letters replayed since (those waiting for a replay are kept)
     * @param interval            how often the old rows are removed
     * @param batchSize           rows removed per transaction
     */
    public record Retention(Duration consumedEvents, Duration entityVersions, Duration replayedDeadLetters,
                            Duration interval, int batchSize) {
        public Retention {
            consumedEvents = consumedEvents == null ? Duration.ofDays(30) : consumedEvents;
            entityVersions = entityVersions == null ? Duration.ofDays(30) : entityVersions;
            replayedDeadLetters = replayedDeadLetters == null ? Duration.ofDays(30) : replayedDeadLetters;
            interval = interval == null ? Duration.ofMinutes(10) : interval;
            batchSize = batchSize <= 0 ? 5000 : batchSize;
        }
    }
}
