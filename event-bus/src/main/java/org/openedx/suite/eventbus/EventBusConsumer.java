package org.openedx.suite.eventbus;

import java.util.function.Function;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The service's Kafka consumer: one listener container over the topics of its {@link EventHandler}s. A service
 * without handlers (a pure producer) consumes nothing.
 */
final class EventBusConsumer implements SmartLifecycle {

    private final ConcurrentMessageListenerContainer<byte[], byte[]> container;

    EventBusConsumer(InboundEventDispatcher dispatcher,
                     Function<InboundEventDispatcher, ConcurrentMessageListenerContainer<byte[], byte[]>> containers) {
        this.container = dispatcher.handledTypes().isEmpty() ? null : containers.apply(dispatcher);
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
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
