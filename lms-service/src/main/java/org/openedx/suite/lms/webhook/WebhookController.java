package org.openedx.suite.lms.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.openedx.suite.outbound.DeliveryAttempt;
import org.openedx.suite.outbound.OutboundDelivery;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhooks}: the operator's webhook subscriptions (as Open edX's webhooks plugin is configured by its
 * administrators). Each event of a subscribed type reaches the URL once, as a CloudEvents JSON document (or the flat
 * body of its field mapping), signed as Standard Webhooks specifies with the subscription's secret.
 */
@RestController
@RequestMapping("/api/webhooks")
@Validated
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionResponse created = webhooks.create(request);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    List<SubscriptionResponse> list() {
        return webhooks.all();
    }

    @GetMapping("/{id}")
    SubscriptionResponse show(@PathVariable long id) {
        return webhooks.find(id);
    }

    /** Changes the subscription; a secret left out is kept; {@code active: true} re-enables a disabled one. */
    @PutMapping("/{id}")
    SubscriptionResponse update(@PathVariable long id, @Valid @RequestBody SubscriptionRequest request) {
        return webhooks.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The last 100 calls, newest first. */
    @GetMapping("/{id}/deliveries")
    List<DeliveryResponse> deliveries(@PathVariable long id) {
        return webhooks.deliveries(id);
    }

    /** One call with every attempt: when, how long, what the receiver answered. */
    @GetMapping("/{id}/deliveries/{delivery_id}")
    DeliveryResponse delivery(@PathVariable long id, @PathVariable("delivery_id") UUID deliveryId) {
        return webhooks.delivery(id, deliveryId);
    }

    /** 202: the call is sent again, with the same {@code webhook-id}, so a receiver that has it can drop it. */
    @PostMapping("/{id}/deliveries/{delivery_id}/redeliver")
    ResponseEntity<DeliveryResponse> redeliver(@PathVariable long id, @PathVariable("delivery_id") UUID deliveryId) {
        return ResponseEntity.accepted().body(webhooks.redeliver(id, deliveryId));
    }

    /**
     * @param secret       signs every call (Standard Webhooks; a {@code whsec_} secret is Base64 after the prefix);
     *                     required to create, kept when left out of an update; never shown
     * @param fieldMapping optional: a flat body of these fields, each a dotted path into the CloudEvent
     */
    record SubscriptionRequest(
            @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes,
            @NotBlank @Size(max = 2048) String url,
            @Size(min = 16, max = 256) String secret,
            Boolean active,
            Map<String, String> fieldMapping) {
    }

    record SubscriptionResponse(long id, String url, List<String> eventTypes, Map<String, String> fieldMapping,
                                boolean active, String disabledReason, Instant failingSince, Instant created,
                                Instant modified) {
    }

    record DeliveryResponse(UUID id, UUID eventId, String eventType, String status, int attempts, Instant created,
                            Instant nextAttempt, Instant completed, Integer lastStatus, String lastError,
                            String response, List<DeliveryAttempt> attemptLog) {

        static DeliveryResponse of(OutboundDelivery call, Webhooks.CarriedEvent event, List<DeliveryAttempt> log) {
            boolean pending = call.status() == OutboundDelivery.Status.PENDING;
            return new DeliveryResponse(call.id(), event == null ? null : event.eventId(),
                    event == null ? null : event.eventType(), call.status().name().toLowerCase(), call.attempts(),
                    call.createdAt(), pending ? call.nextAttemptAt() : null, call.completedAt(), call.lastStatus(),
                    call.lastError(), call.responseBody(), log);
        }
    }
}
