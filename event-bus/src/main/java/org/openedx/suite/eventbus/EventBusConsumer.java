package org.openedx.suite.eventbus;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The service's Kafka consumer: one listener container over the topics of its {@link EventHandler}s. A service
 * without handlers (a pure producer) consumes nothing.
 */
final class EventBusConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventBusConsumer.class);

    private final ConcurrentMessageListenerContainer<byte[], byte[]> container;
    private final KafkaAdmin admin;
    private final boolean concurrencyConfigured;

    EventBusConsumer(InboundEventDispatcher dispatcher,
                     Function<InboundEventDispatcher, ConcurrentMessageListenerContainer<byte[], byte[]>> containers,
                     KafkaAdmin admin, boolean concurrencyConfigured) {
        this.container = dispatcher.handledTypes().isEmpty() ? null : containers.apply(dispatcher);
        this.admin = admin;
        this.concurrencyConfigured = concurrencyConfigured;
    }

    @Override
    public void start() {
        if (container != null) {
            if (!concurrencyConfigured) {
                partitionCount().ifPresent(container::setConcurrency);
            }
            container.start();
        }
    }

    /**
     * One consumer thread per partition of the subscribed topics, as the broker has them now (topics made elsewhere
     * may have more than this service would create): Spring Kafka 4.1 loses a batch listener's back-off state when one
     * thread serves several partitions (GH-4371), which could keep a failing record from reaching the dead-letter
     * topic. Empty when the broker cannot say; the configured count stands then.
     */
    private Optional<Integer> partitionCount() {
        try {
            return Optional.of(admin.describeTopics(container.getContainerProperties().getTopics()).values().stream()
                    .mapToInt(topic -> topic.partitions().size()).sum());
        } catch (RuntimeException e) {
            log.warn("Could not count the partitions of {}; {} consumer threads: {}",
                    String.join(", ", container.getContainerProperties().getTopics()), container.getConcurrency(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** Late in start-up, after the web server: events are applied only once the whole service is ready. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
