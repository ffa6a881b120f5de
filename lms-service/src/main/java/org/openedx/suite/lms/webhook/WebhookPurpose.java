package org.openedx.suite.lms.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundDelivery;
import org.openedx.suite.outbound.OutboundPurpose;
import org.openedx.suite.outbound.WebhookSignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs each webhook attempt with its subscription's secret (Standard Webhooks) and keeps the subscription's health:
 * a delivered call ends its failure streak; a subscription still failing {@code suite.webhooks.disable-after} after its
 * first failure, or whose receiver answers 410 Gone, is disabled with the reason, and its pending calls end as failed
 * (they can be sent again by hand once it is active again).
 */
@Component
class WebhookPurpose implements OutboundPurpose {

    private final JdbcTemplate jdbc;
    private final OutboundDeliveries deliveries;
    private final Duration disableAfter;

    WebhookPurpose(JdbcTemplate jdbc, OutboundDeliveries deliveries,
                   @Value("${suite.webhooks.disable-after:24h}") Duration disableAfter) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.disableAfter = disableAfter;
    }

    @Override
    public String name() {
        return WebhookFanOut.PURPOSE;
    }

    @Override
    public Map<String, String> headers(OutboundDelivery delivery, Instant sentAt) {
        String secret = jdbc.queryForObject("SELECT secret FROM webhook_subscription WHERE id = ?", String.class,
                Long.parseLong(delivery.reference()));
        return new WebhookSignature(secret).headers(delivery.id().toString(), sentAt, delivery.body());
    }

    @Override
    public void delivered(OutboundDelivery delivery, int status, String responseBody) {
        jdbc.update("UPDATE webhook_subscription SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL",
                Long.parseLong(delivery.reference()));
    }

    @Override
    public void attemptFailed(OutboundDelivery delivery, String reason) {
        failing(delivery, reason);
    }

    @Override
    public void failed(OutboundDelivery delivery, String reason) {
        if (Integer.valueOf(410).equals(delivery.lastStatus())) {
            disable(delivery.reference(), "the receiver answered 410 Gone");
        } else {
            failing(delivery, reason);
        }
    }

    private void failing(OutboundDelivery delivery, String reason) {
        java.sql.Timestamp started = jdbc.queryForObject("""
                UPDATE webhook_subscription SET failing_since = coalesce(failing_since, now())
                 WHERE id = ? RETURNING failing_since""", java.sql.Timestamp.class,
                Long.parseLong(delivery.reference()));
        Instant since = started == null ? null : started.toInstant();
        if (since != null && since.plus(disableAfter).isBefore(Instant.now())) {
            disable(delivery.reference(), "failing since " + since + " (longer than " + disableAfter + "); last: "
                    + reason);
        }
    }

    private void disable(String subscription, String reason) {
        int disabled = jdbc.update("""
                UPDATE webhook_subscription SET active = false, disabled_reason = ?, updated_at = now()
                 WHERE id = ? AND active""", reason, Long.parseLong(subscription));
        if (disabled > 0) {
            deliveries.failPending(WebhookFanOut.PURPOSE, subscription, "subscription disabled: " + reason);
        }
    }
}
