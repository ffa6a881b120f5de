package org.openedx.suite.credentials.credential;

import java.util.List;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.eventbus.EventHandler;
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
        CertificateData certificate = payload.certificate();
        // retrying cannot make such a certificate applicable; the dead-letter topic keeps it for a look and a replay
        String courseKey = certificate.course().courseKey();
        if (!OpenEdxKeys.isCourseKey(courseKey)) {
            throw new PoisonMessageException(metadata.type() + " " + metadata.id()
                    + ": certificate.course.course_key is not a course key: " + courseKey);
        }
        if (certificate.user().pii().username().isBlank()) {
            throw new PoisonMessageException(metadata.type() + " " + metadata.id()
                    + ": certificate.user.pii.username is empty");
        }
        credentials.apply(CertificateChange.of(metadata.type()), certificate, metadata);
    }
}
