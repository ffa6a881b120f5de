package org.openedx.suite.contracts;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One Open edX event type: its name (the {@code ce_type} header), the base topic it travels on, the services that
 * produce it (and so the {@code ce_source}s its events may carry: one for every type but the tracking logs), the
 * payload record, and the payload field whose value is the Kafka message key.
 */
public final class EventType<T> {

    private final String name;
    private final String baseTopic;
    private final Set<String> producers;
    private final Class<T> payloadType;
    private final Function<T, String> keyField;

    EventType(String name, String baseTopic, String producer, Class<T> payloadType, Function<T, String> keyField) {
        this(name, baseTopic, Set.of(producer), payloadType, keyField);
    }

    EventType(String name, String baseTopic, Set<String> producers, Class<T> payloadType,
              Function<T, String> keyField) {
        this.name = Objects.requireNonNull(name);
        this.baseTopic = Objects.requireNonNull(baseTopic);
        this.producers = Set.copyOf(producers);
        if (this.producers.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a producer");
        }
        this.payloadType = Objects.requireNonNull(payloadType);
        this.keyField = Objects.requireNonNull(keyField);
    }

    public String name() {
        return name;
    }

    public String baseTopic() {
        return baseTopic;
    }

    /** The services that produce this type, e.g. {@code cms}: one for all but the tracking logs. */
    public Set<String> producers() {
        return producers;
    }

    /** Whether {@code service} may produce this type. */
    public boolean isProducedBy(String service) {
        return producers.contains(service);
    }

    /** Whether an event of this type with this {@code ce_source} ({@code openedx/<service>/web}) comes from a producer. */
    public boolean isFrom(String ceSource) {
        return producers.stream().anyMatch(producer -> EventMetadata.sourceOf(producer).equals(ceSource));
    }

    public Class<T> payloadType() {
        return payloadType;
    }

    /** The message key of this payload, e.g. the course key. */
    public String keyOf(T payload) {
        return keyField.apply(payload);
    }

    @Override
    public String toString() {
        return name;
    }
}
