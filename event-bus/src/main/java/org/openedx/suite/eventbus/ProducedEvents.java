package org.openedx.suite.eventbus;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.EventType;

/**
 * The event types a service produces. Declared as a bean so that their topics (and dead-letter topics) exist before
 * the first event is relayed, also on brokers that do not create topics on their own.
 */
public record ProducedEvents(Set<EventType<?>> types) {

    public ProducedEvents {
        types = Set.copyOf(types);
    }

    public static ProducedEvents of(EventType<?>... types) {
        return new ProducedEvents(Set.of(types));
    }

    public static ProducedEvents merge(List<ProducedEvents> all) {
        return new ProducedEvents(all.stream().flatMap(p -> p.types().stream()).collect(Collectors.toSet()));
    }

    /**
     * Fails fast when the service would publish a type only other services produce: consumers refuse an event whose
     * {@code ce_source} is not its type's producer.
     */
    void requireProducedBy(String service) {
        types.stream().filter(type -> !type.isProducedBy(service)).findFirst().ifPresent(type -> {
            throw new IllegalStateException("event-bus.service is " + service + ", but " + type.name()
                    + " is produced by " + String.join(", ", new java.util.TreeSet<>(type.producers())) + " alone");
        });
    }

    boolean includes(EventType<?> type) {
        return types.contains(type);
    }
}
