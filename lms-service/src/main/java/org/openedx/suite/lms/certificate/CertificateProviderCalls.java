package org.openedx.suite.lms.certificate;

import org.openedx.suite.outbound.OutboundDelivery;
import org.openedx.suite.outbound.OutboundPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the provider's answers change on the learner's certificate, in the transaction that records them. */
@Configuration(proxyBeanMethods = false)
class CertificateProviderCalls {

    /** 2xx {@code {id, url}}: generated there; a refusal or a give-up: failed, with why. */
    @Bean
    OutboundPurpose certificateGeneration(ExternalCertificates certificates, JsonMapper json) {
        return new Purpose(ExternalCertificates.GENERATE, certificates) {
            @Override
            public void delivered(OutboundDelivery delivery, int status, String responseBody) {
                JsonNode answer = responseBody == null ? json.createObjectNode() : json.readTree(responseBody);
                String[] key = ExternalCertificates.split(delivery.reference());
                certificates.state(key[0], key[1], "generated", text(answer, "id"), text(answer, "url"), null);
            }
        };
    }

    @Bean
    OutboundPurpose certificateRevocation(ExternalCertificates certificates) {
        return new Purpose(ExternalCertificates.REVOKE, certificates) {
            @Override
            public void delivered(OutboundDelivery delivery, int status, String responseBody) {
                String[] key = ExternalCertificates.split(delivery.reference());
                certificates.state(key[0], key[1], "revoked", null, null, null);
            }
        };
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private abstract static class Purpose implements OutboundPurpose {
        private final String name;
        private final ExternalCertificates certificates;

        Purpose(String name, ExternalCertificates certificates) {
            this.name = name;
            this.certificates = certificates;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void failed(OutboundDelivery delivery, String reason) {
            String[] key = ExternalCertificates.split(delivery.reference());
            certificates.state(key[0], key[1], "failed", null, null, name + " failed: " + reason);
        }
    }
}
