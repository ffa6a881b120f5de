package org.openedx.suite.sandbox.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a faulted request is answered. */
public enum Mode {

    /**
     * 503 with {@code Connection: close} and no body: the nearest a running server comes to being down (a real
     * "connection refused" takes a port nothing listens on).
     */
    DOWN,
    /** Waits {@code delay_ms}, then answers as usual. */
    SLOW,
    /** Answers with the fault's 4xx or 5xx status, as problem+json. */
    STATUS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Mode> of(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label().equals(label)).findFirst();
    }
}
