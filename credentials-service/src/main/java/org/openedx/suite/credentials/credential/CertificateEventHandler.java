package org.openedx.suite.credentials.credential;

import java.util.List;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.web.OpenEdxKeys;
import org.springframework.stereotype.Component;

/** The LMS's certificate lifecycle: created awards, revoked revokes, changed updates the certificate type. */
@Component
class CertificateEventHandler implements EventHandler<CertificateEvent> {

    private final CredentialService credentials;

    CertificateEventHandler(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Override
    public List<EventType<CertificateEvent>> eventTypes() {
        return CertificateChange.eventTypes();
    }

    @Override
    public void handle(CertificateEvent payload, EventMetadata metadata) {
        handleAll(List.of(new InboundEvent<>(payload, metadata)));
    }

    /** One implementation for one event and for many: a few statements whatever the number. */
    @Override
    public void handleAll(List<InboundEvent<CertificateEvent>> events) {
        // all checked before any is applied: the bus then applies the poll one by one and dead-letters only this one
        events.forEach(event -> requireApplicable(event.payload().certificate(), event.metadata()));
        credentials.applyAll(events);
    }

    /** Retrying cannot make such a certificate applicable; the dead-letter topic keeps it for a look and a replay. */
    private static void requireApplicable(CertificateData certificate, EventMetadata metadata) {
        String courseKey = certificate.course().courseKey();
        if (!OpenEdxKeys.isCourseKey(courseKey)) {
            throw new PoisonMessageException(metadata.type() + " " + metadata.id()
                    + ": certificate.course.course_key is not a course key: " + courseKey);
        }
        if (certificate.user().pii().username().isBlank()) {
            throw new PoisonMessageException(metadata.type() + " " + metadata.id()
                    + ": certificate.user.pii.username is empty");
        }
    }
}
