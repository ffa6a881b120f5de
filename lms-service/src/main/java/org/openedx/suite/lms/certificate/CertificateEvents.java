package org.openedx.suite.lms.certificate;

import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.ProducedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CertificateEvents {

    @Bean
    ProducedEvents certificateEventTypes() {
        return ProducedEvents.of(OpenEdxEvents.CERTIFICATE_CREATED, OpenEdxEvents.CERTIFICATE_CHANGED,
                OpenEdxEvents.CERTIFICATE_REVOKED);
    }
}
