package org.openedx.suite.lms.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.ProducedEvents;
import org.openedx.suite.outbound.DeliveryAttempt;
import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundDelivery;
import org.openedx.suite.outbound.OutboundUrlPolicy;
import org.openedx.suite.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Webhook subscriptions and their delivery log. */
@Service
class Webhooks {

    private static final int LOG_LIMIT = 100;

    /** The event types the LMS publishes or hands to the webhooks when it applies them, in the catalog's order. */
    private final List<String> subscribable;

    private final WebhookSubscriptionRepository subscriptions;
    private final OutboundDeliveries deliveries;
    private final OutboundUrlPolicy urls;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Webhooks(WebhookSubscriptionRepository subscriptions, OutboundDeliveries deliveries, OutboundUrlPolicy urls,
             JdbcTemplate jdbc, JsonMapper json, List<ProducedEvents> produced,
             List<ConsumedEventWebhooks<?>> relayed) {
        java.util.Set<EventType<?>> seen = new java.util.HashSet<>();
        produced.forEach(events -> seen.addAll(events.types()));
        relayed.forEach(handler -> seen.addAll(handler.eventTypes()));
        this.subscribable = OpenEdxEvents.ALL.stream().filter(seen::contains).map(EventType::name).toList();
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.urls = urls;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    WebhookController.SubscriptionResponse create(WebhookController.SubscriptionRequest request) {
        if (request.secret() == null) {
            throw ApiException.badRequest("secret", "is required: every call is signed with it");
        }
        WebhookSubscription subscription = new WebhookSubscription(Instant.now());
        configure(subscription, request);
        return view(subscriptions.save(subscription));
    }

    @Transactional
    WebhookController.SubscriptionResponse update(long id, WebhookController.SubscriptionRequest request) {
        WebhookSubscription subscription = require(id);
        configure(subscription, request);
        return view(subscription);
    }

    @Transactional
    void delete(long id) {
        WebhookSubscription subscription = require(id);
        deliveries.failPending(WebhookFanOut.PURPOSE, Long.toString(id), "subscription deleted");
        subscriptions.delete(subscription);
    }

    @Transactional(readOnly = true)
    List<WebhookController.SubscriptionResponse> all() {
        return subscriptions.findAllByOrderById().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    WebhookController.SubscriptionResponse find(long id) {
        return view(require(id));
    }

    /** The subscription's last calls, newest first, each with the event it carries. */
    @Transactional(readOnly = true)
    List<WebhookController.DeliveryResponse> deliveries(long id) {
        require(id);
        List<OutboundDelivery> calls = deliveries.ofReference(WebhookFanOut.PURPOSE, Long.toString(id), LOG_LIMIT);
        Map<UUID, CarriedEvent> events = carriedEvents(calls.stream().map(OutboundDelivery::id).toList());
        return calls.stream().map(call -> WebhookController.DeliveryResponse.of(call,
                events.get(call.id()), null)).toList();
    }

    @Transactional(readOnly = true)
    WebhookController.DeliveryResponse delivery(long id, UUID deliveryId) {
        OutboundDelivery call = requireDelivery(id, deliveryId);
        List<DeliveryAttempt> attempts = deliveries.attempts(deliveryId);
        return WebhookController.DeliveryResponse.of(call, carriedEvents(List.of(deliveryId)).get(deliveryId),
                attempts);
    }

    /** Sends a delivered or failed call again, with the same {@code webhook-id}; the subscription must be active. */
    @Transactional
    WebhookController.DeliveryResponse redeliver(long id, UUID deliveryId) {
        WebhookSubscription subscription = require(id);
        OutboundDelivery call = requireDelivery(id, deliveryId);
        if (!subscription.active()) {
            throw new ApiException(HttpStatus.CONFLICT, "active",
                    "the subscription is disabled (" + subscription.disabledReason() + "); activate it first");
        }
        if (call.status() == OutboundDelivery.Status.PENDING) {
            throw new ApiException(HttpStatus.CONFLICT, "delivery_id", "the call is pending: it is being sent");
        }
        deliveries.redeliver(deliveryId);
        return WebhookController.DeliveryResponse.of(deliveries.find(deliveryId).orElseThrow(),
                carriedEvents(List.of(deliveryId)).get(deliveryId), null);
    }

    private void configure(WebhookSubscription subscription, WebhookController.SubscriptionRequest request) {
        List<String> types = request.eventTypes();
        for (int i = 0; i < types.size(); i++) {
            if (!subscribable.contains(types.get(i))) {
                throw ApiException.badRequest("event_types[" + i + "]", "is not an event type of the suite: "
                        + types.get(i) + "; one of " + String.join(", ", subscribable));
            }
        }
        URI url;
        try {
            url = new URI(request.url());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url", "is not a URL: " + e.getReason());
        }
        urls.refusal(url).ifPresent(reason -> {
            throw ApiException.badRequest("url", reason);
        });
        String mapping = request.fieldMapping() == null ? null
                : FieldMapping.checked(request.fieldMapping()).toJson(json);
        subscription.configure(url.toString(), request.secret(), types.stream().distinct().toList(), mapping,
                request.active() == null || request.active(), Instant.now());
    }

    private WebhookSubscription require(long id) {
        return subscriptions.findById(id).orElseThrow(() -> ApiException.notFound("no webhook subscription " + id));
    }

    private OutboundDelivery requireDelivery(long id, UUID deliveryId) {
        require(id);
        return deliveries.find(deliveryId)
                .filter(call -> call.purpose().equals(WebhookFanOut.PURPOSE)
                        && call.reference().equals(Long.toString(id)))
                .orElseThrow(() -> ApiException.notFound("no delivery " + deliveryId + " of webhook " + id));
    }

    /** The events these calls carry, by call. */
    private Map<UUID, CarriedEvent> carriedEvents(List<UUID> calls) {
        return jdbc.query(connection -> {
                    var statement = connection.prepareStatement(
                            "SELECT delivery_id, event_id, event_type FROM webhook_delivery WHERE delivery_id = ANY (?)");
                    statement.setArray(1, connection.createArrayOf("uuid", calls.toArray()));
                    return statement;
                }, (rs, n) -> new CarriedEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .stream().collect(Collectors.toMap(CarriedEvent::deliveryId, Function.identity()));
    }

    private WebhookController.SubscriptionResponse view(WebhookSubscription subscription) {
        return new WebhookController.SubscriptionResponse(subscription.id(), subscription.url(),
                subscription.eventTypes(), subscription.fieldMapping() == null ? null
                : FieldMapping.parse(json, subscription.fieldMapping()).paths(), subscription.active(),
                subscription.disabledReason(), subscription.failingSince(), subscription.createdAt(),
                subscription.updatedAt());
    }

    record CarriedEvent(UUID deliveryId, UUID eventId, String eventType) {
    }
}
