package org.openedx.suite.contracts;

import java.util.Objects;
import java.util.function.Function;

/**
 * One Open edX event type: its name (the {@code ce_type} header), the base topic it travels on, the service that
 * produces it (and so its {@code ce_source}), the payload record, and the payload field whose value is the Kafka
 * message key.
 */
public final class EventType<T> {

    private final String name;
    private final String baseTopic;
    private final String producer;
    private final Class<T> payloadType;
    private final Function<T, String> keyField;

    EventType(String name, String baseTopic, String producer, Class<T> payloadType, Function<T, String> keyField) {
        this.name = Objects.requireNonNull(name);
        this.baseTopic = Objects.requireNonNull(baseTopic);
        this.producer = Objects.requireNonNull(producer);
        this.payloadType = Objects.requireNonNull(payloadType);
        this.keyField = Objects.requireNonNull(keyField);
    }

    public String name() {
        return name;
    }

    public String baseTopic() {
        return baseTopic;
    }

    /** The service that alone produces this type, e.g. {@code cms}. */
    public String producer() {
        return producer;
    }

    /** The {@code ce_source} of this type's events: {@code openedx/<producer>/web}. */
    public String source() {
        return EventMetadata.sourceOf(producer);
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
