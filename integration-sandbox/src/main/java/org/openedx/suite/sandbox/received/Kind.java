package org.openedx.suite.sandbox.received;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.openedx.suite.sandbox.fault.Faults;

/** What a received request was, and the fault target it falls under. */
public enum Kind {

    WEBHOOK(Faults.WEBHOOK),
    CERTIFICATE(Faults.CERTIFICATE_PROVIDER),
    REVOCATION(Faults.CERTIFICATE_PROVIDER),
    PLAGIARISM(Faults.PLAGIARISM);

    private final String faultTarget;

    Kind(String faultTarget) {
        this.faultTarget = faultTarget;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String faultTarget() {
        return faultTarget;
    }

    static Optional<Kind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }
}
