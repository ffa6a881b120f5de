package org.openedx.suite.credentials.badge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.openedx.suite.outbound.OutboundDelivery;
import org.openedx.suite.outbound.OutboundPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls to the badge providers, as durable outbound calls (ADR 9): their credentials, the provider's id of a badge
 * to revoke, and what each answer sets on the badge. A provider's 4xx (Credly's 422 for a badge the learner already
 * holds, say) is kept with its message as {@code provider_state = error} and not retried; a repeat after a crash
 * carries the same {@code Idempotency-Key}, so the provider makes no second badge.
 */
@Configuration(proxyBeanMethods = false)
class BadgeProviderCalls {

    @Bean
    OutboundPurpose credlyIssue(Badges badges, BadgeSettings settings,
                                JsonMapper json) {
        return new Call(Badges.CREDLY_ISSUE, badges, () -> credlyAuthorization(settings)) {
            @Override
            public void delivered(OutboundDelivery delivery, int status, String responseBody) {
                badges.providerState(delivery.reference(), "accepted",
                        text(json, responseBody, "/data/id"), null);
            }
        };
    }

    @Bean
    OutboundPurpose credlyRevoke(Badges badges, BadgeSettings settings) {
        return new Revocation(Badges.CREDLY_REVOKE, badges, () -> credlyAuthorization(settings));
    }

    @Bean
    OutboundPurpose accredibleIssue(Badges badges, BadgeSettings settings,
                                    JsonMapper json) {
        return new Call(Badges.ACCREDIBLE_ISSUE, badges, () -> accredibleAuthorization(settings)) {
            @Override
            public void delivered(OutboundDelivery delivery, int status, String responseBody) {
                badges.providerState(delivery.reference(), "accepted",
                        text(json, responseBody, "/credential/id"), null);
            }
        };
    }

    @Bean
    OutboundPurpose accredibleRevoke(Badges badges, BadgeSettings settings) {
        return new Revocation(Badges.ACCREDIBLE_REVOKE, badges, () -> accredibleAuthorization(settings));
    }

    /** Credly: HTTP basic authentication with the organization's API key as the user and no password. */
    private static String credlyAuthorization(BadgeSettings settings) {
        return "Basic " + Base64.getEncoder().encodeToString((settings.credly().apiKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String accredibleAuthorization(BadgeSettings settings) {
        return "Token token=" + settings.accredible().apiKey();
    }

    private static String text(JsonMapper json, String body, String pointer) {
        if (body == null) {
            return null;
        }
        JsonNode value = json.readTree(body).at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** A call about one badge (its uuid is the reference): authorized, and an error kept with the provider's words. */
    private abstract static class Call implements OutboundPurpose {
        private final String name;
        private final Badges badges;
        private final java.util.function.Supplier<String> authorization;

        Call(String name, Badges badges, java.util.function.Supplier<String> authorization) {
            this.name = name;
            this.badges = badges;
            this.authorization = authorization;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<String, String> headers(OutboundDelivery delivery, Instant sentAt) {
            return Map.of("Authorization", authorization.get(), "Accept", "application/json");
        }

        @Override
        public void failed(OutboundDelivery delivery, String reason) {
            String answer = delivery.responseBody();
            badges.providerState(delivery.reference(), "error", null,
                    answer == null ? reason : reason + ": " + answer);
        }

        Badges badges() {
            return badges;
        }
    }

    /** Revokes what the issue call made: its URL names the provider's id, known once that call was answered. */
    private static final class Revocation extends Call {

        Revocation(String name, Badges badges, java.util.function.Supplier<String> authorization) {
            super(name, badges, authorization);
        }

        @Override
        public URI url(OutboundDelivery delivery) {
            return badges().providerBadgeId(delivery.reference())
                    .map(id -> URI.create(delivery.url().toString().replace(Badges.PROVIDER_ID, id)))
                    .orElse(delivery.url());
        }

        @Override
        public void delivered(OutboundDelivery delivery, int status, String responseBody) {
            badges().providerState(delivery.reference(), "revoked", null, null);
        }
    }
}
