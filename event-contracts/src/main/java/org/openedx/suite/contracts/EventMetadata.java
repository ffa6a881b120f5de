package org.openedx.suite.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents envelope Open edX puts in Kafka headers ({@code ce_id}, {@code ce_type}, ...).
 *
 * @param time the event time: when the change happened, not when it was sent
 */
public record EventMetadata(
        UUID id,
        String type,
        String source,
        Instant time,
        String sourceHost,
        String sourceLib,
        String contentType) {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String MINOR_VERSION = "ce_minorversion";
    public static final String SOURCE_HOST = "sourcehost";
    public static final String SOURCE_LIB = "sourcelib";
    public static final String CONTENT_TYPE = "content-type";
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String MINOR_VERSION_VALUE = "0";
    public static final String JSON = "application/json";
    /** Version of these contracts, digits and dots only as Open edX consumers require. */
    public static final String CONTRACTS_VERSION = "1.0.0";

    public EventMetadata {
        Objects.requireNonNull(id, ID);
        Objects.requireNonNull(type, TYPE);
        Objects.requireNonNull(source, SOURCE);
        Objects.requireNonNull(time, TIME);
        Objects.requireNonNull(sourceHost, SOURCE_HOST);
        Objects.requireNonNull(sourceLib, SOURCE_LIB);
        Objects.requireNonNull(contentType, CONTENT_TYPE);
    }

    /** Envelope of a new JSON event from {@code openedx/<service>/web}. */
    public static EventMetadata of(UUID id, String type, String service, Instant time, String sourceHost) {
        return new EventMetadata(id, type, sourceOf(service), time, sourceHost, CONTRACTS_VERSION, JSON);
    }

    /** The {@code ce_source} of a service's events, {@code openedx/<service>/web}. */
    public static String sourceOf(String service) {
        return "openedx/" + service + "/web";
    }

    /** The headers, in the order Open edX writes them. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id.toString());
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(TIME, EventTimes.format(time));
        headers.put(MINOR_VERSION, MINOR_VERSION_VALUE);
        headers.put(SOURCE_HOST, sourceHost);
        headers.put(SOURCE_LIB, sourceLib);
        headers.put(CONTENT_TYPE, contentType);
        headers.put(DATA_CONTENT_TYPE, contentType);
        return headers;
    }

    /**
     * Reads the envelope from message headers.
     *
     * @throws InvalidEnvelopeException naming the header that is missing or malformed
     */
    public static EventMetadata fromHeaders(Map<String, String> headers) {
        String id = required(headers, ID);
        String time = required(headers, TIME);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException(ID + " is not a UUID: " + id);
        }
        Instant instant;
        try {
            instant = EventTimes.parse(time);
        } catch (RuntimeException e) {
            throw new InvalidEnvelopeException(TIME + " is not an ISO-8601 time with offset: " + time);
        }
        String contentType = headers.getOrDefault(CONTENT_TYPE, headers.getOrDefault(DATA_CONTENT_TYPE, JSON));
        return new EventMetadata(uuid, required(headers, TYPE), headers.getOrDefault(SOURCE, "unknown"), instant,
                headers.getOrDefault(SOURCE_HOST, "unknown"), headers.getOrDefault(SOURCE_LIB, "unknown"),
                contentType);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidEnvelopeException("header " + name + " is missing");
        }
        return value;
    }

    /** A message whose envelope cannot be read; retrying will not help. */
    public static final class InvalidEnvelopeException extends RuntimeException {
        public InvalidEnvelopeException(String message) {
            super(message);
        }
    }
}
