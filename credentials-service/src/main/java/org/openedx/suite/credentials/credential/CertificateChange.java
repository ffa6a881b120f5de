package org.openedx.suite.credentials.credential;

import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;

/** What a certificate event says happened to the learner's certificate. */
enum CertificateChange {
    CREATED(OpenEdxEvents.CERTIFICATE_CREATED),
    CHANGED(OpenEdxEvents.CERTIFICATE_CHANGED),
    REVOKED(OpenEdxEvents.CERTIFICATE_REVOKED);

    private final EventType<CertificateEvent> type;

    CertificateChange(EventType<CertificateEvent> type) {
        this.type = type;
    }

    static CertificateChange of(String ceType) {
        for (CertificateChange change : values()) {
            if (change.type.name().equals(ceType)) {
                return change;
            }
        }
        throw new IllegalArgumentException("not a certificate event: " + ceType);
    }
}
