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

    boolean includes(EventType<?> type) {
        return types.contains(type);
    }
}
