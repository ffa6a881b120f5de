package org.openedx.suite.lms.learner;

import java.util.Arrays;

/** Certificate statuses of Open edX that this LMS uses, by their wire names. */
enum CertificateStatus {
    /** Earned: the learner passes in a certificate-eligible mode. */
    DOWNLOADABLE("downloadable"),
    /** Earned once, but the learner no longer passes. */
    NOTPASSING("notpassing"),
    /** Invalidated (by staff, or by a rejected proctored exam); stays so whatever the grades do. */
    UNAVAILABLE("unavailable"),
    /** The learner moved to audit, which earns no certificate, and passes. */
    AUDIT_PASSING("audit_passing"),
    /** The learner moved to audit and does not pass. */
    AUDIT_NOTPASSING("audit_notpassing");

    private final String wireName;

    CertificateStatus(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static CertificateStatus fromWire(String wireName) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown certificate status " + wireName));
    }
}
