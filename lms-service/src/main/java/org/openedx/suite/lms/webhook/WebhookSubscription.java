package org.openedx.suite.lms.webhook;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who wants which events, at which URL, signed with which secret; disabled (with the reason) when it keeps failing. */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String url;
    private String secret;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] eventTypes;
    private String fieldMapping;
    private boolean active;
    private String disabledReason;
    private Instant failingSince;
    private Instant createdAt;
    private Instant updatedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets what the subscriber asked for; (re)activating clears the reason it was disabled and its failure streak. */
    void configure(String url, String secret, List<String> eventTypes, String fieldMapping, boolean active,
                   Instant now) {
        this.url = url;
        if (secret != null) {
            this.secret = secret;
        }
        this.eventTypes = eventTypes.toArray(String[]::new);
        this.fieldMapping = fieldMapping;
        if (active && !this.active) {
            this.disabledReason = null;
            this.failingSince = null;
        }
        this.active = active;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String url() {
        return url;
    }

    List<String> eventTypes() {
        return List.of(eventTypes);
    }

    String fieldMapping() {
        return fieldMapping;
    }

    boolean active() {
        return active;
    }

    String disabledReason() {
        return disabledReason;
    }

    Instant failingSince() {
        return failingSince;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
