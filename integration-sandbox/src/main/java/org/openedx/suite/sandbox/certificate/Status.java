package org.openedx.suite.sandbox.certificate;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

enum Status {
    GENERATED, REVOKED;

    @JsonValue
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
