package org.openedx.suite.lms.learner;

import java.util.Arrays;

/** The enrollment modes of Open edX, by their wire names. */
public enum CourseMode {
    AUDIT("audit"),
    HONOR("honor"),
    VERIFIED("verified"),
    PROFESSIONAL("professional"),
    NO_ID_PROFESSIONAL("no-id-professional"),
    MASTERS("masters");

    /** For validation messages and patterns; keep in step with the constants. */
    public static final String WIRE_NAMES = "audit|honor|verified|professional|no-id-professional|masters";

    private final String wireName;

    CourseMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Every mode but audit leads to a certificate once the learner passes. */
    public boolean earnsCertificate() {
        return this != AUDIT;
    }

    public static CourseMode fromWire(String wireName) {
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown course mode " + wireName));
    }
}
