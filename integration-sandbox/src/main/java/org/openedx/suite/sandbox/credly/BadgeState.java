package org.openedx.suite.sandbox.credly;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A badge is accepted when issued (the stand-in does not wait for the recipient) until it is revoked. */
enum BadgeState {
    ACCEPTED, REVOKED;

    @JsonValue
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
