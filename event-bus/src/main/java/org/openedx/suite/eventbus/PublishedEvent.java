package org.openedx.suite.eventbus;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;

/**
 * An event a transaction of this service published, as {@link PublishedEventsListener}s see it: the payload, the
 * {@code ce_*} envelope it leaves with, and its message key.
 */
public record PublishedEvent(EventType<?> type, Object payload, EventMetadata metadata, String key) {

    /** The payload as {@code type}'s record, when this event is of that type. */
    public <T> java.util.Optional<T> payloadIf(EventType<T> wanted) {
        return type.equals(wanted) ? java.util.Optional.of(wanted.payloadType().cast(payload))
                : java.util.Optional.empty();
    }
}
