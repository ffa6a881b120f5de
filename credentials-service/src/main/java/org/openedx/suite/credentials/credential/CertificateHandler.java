package org.openedx.suite.credentials.credential;

import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvents;
import org.springframework.stereotype.Component;

/** The LMS's certificate lifecycle: created awards, revoked revokes, changed updates the certificate type. */
@Component
class CertificateHandler implements EventHandler<CertificateEvent> {

    private final Credentials credentials;

    CertificateHandler(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void apply(InboundEvents<CertificateEvent> events) {
        credentials.apply(events);
    }
}
