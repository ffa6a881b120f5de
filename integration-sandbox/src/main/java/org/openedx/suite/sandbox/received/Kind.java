package org.openedx.suite.sandbox.received;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import org.openedx.suite.sandbox.fault.Faults;

/** What a received request was, and the fault target it falls under. */
public enum Kind {

    WEBHOOK(Faults.WEBHOOK),
    CERTIFICATE(Faults.CERTIFICATE_PROVIDER),
    REVOCATION(Faults.CERTIFICATE_PROVIDER),
    PLAGIARISM(Faults.PLAGIARISM),
    CREDLY_BADGE(Faults.CREDLY),
    CREDLY_REVOCATION(Faults.CREDLY),
    ACCREDIBLE_CREDENTIAL(Faults.ACCREDIBLE),
    ACCREDIBLE_EXPIRY(Faults.ACCREDIBLE),
    LRS_STATEMENT(Faults.LRS);

    private final String faultTarget;

    Kind(String faultTarget) {
        this.faultTarget = faultTarget;
    }

    /** {@code webhook}, ..., {@code credly-badge}: the name in lower case, words joined by hyphens. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String faultTarget() {
        return faultTarget;
    }

    static Optional<Kind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }

    /** Every label, for a refusal to name them: {@code webhook, certificate, ...}. */
    static String labels() {
        return Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", "));
    }
}
