package org.openedx.suite.lms.webhook;

import java.net.URI;
import java.sql.Array;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.eventbus.PublishedEvent;
import org.openedx.suite.eventbus.PublishedEventsListener;
import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns every event the LMS publishes or applies into a webhook call for each active subscription to its type, in the
 * transaction of the event: nothing published is left unsent, nothing rolled back is sent. One query per transaction
 * (or poll) finds the subscriptions; a call's ordering key is the event's message key, so one course's events reach a
 * receiver in the order of the changes.
 */
@Component
class WebhookFanOut implements PublishedEventsListener {

    static final String PURPOSE = "webhook";

    private final JdbcTemplate jdbc;
    private final OutboundDeliveries deliveries;
    private final JsonMapper json;

    WebhookFanOut(JdbcTemplate jdbc, OutboundDeliveries deliveries, JsonMapper json) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Override
    public void published(List<PublishedEvent> events) {
        relay(events.stream().map(event -> new Observed(event.type(), event.payload(), event.metadata(), event.key()))
                .toList());
    }

    void relay(List<Observed> events) {
        Set<String> types = new LinkedHashSet<>();
        events.forEach(event -> types.add(event.type().name()));
        List<Subscriber> subscribers = jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT id, url, event_types, field_mapping FROM webhook_subscription
                     WHERE active AND event_types && ? ORDER BY id""");
            Array array = connection.createArrayOf("text", types.toArray());
            statement.setArray(1, array);
            return statement;
        }, (rs, n) -> new Subscriber(rs.getLong(1), rs.getString(2),
                Set.of((String[]) rs.getArray(3).getArray()),
                rs.getString(4) == null ? null : FieldMapping.parse(json, rs.getString(4))));
        if (subscribers.isEmpty()) {
            return;
        }
        for (Observed event : events) {
            ObjectNode cloudEvent = cloudEvent(event);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.eventTypes().contains(event.type().name())) {
                    send(subscriber, event, cloudEvent);
                }
            }
        }
    }

    private void send(Subscriber subscriber, Observed event, ObjectNode cloudEvent) {
        JsonNode body = subscriber.fieldMapping() == null ? cloudEvent
                : subscriber.fieldMapping().apply(json, cloudEvent);
        var id = deliveries.enqueue(OutboundRequest.post(PURPOSE, Long.toString(subscriber.id()), event.key(),
                URI.create(subscriber.url()), json.writeValueAsString(body)));
        jdbc.update("INSERT INTO webhook_delivery (delivery_id, subscription_id, event_id, event_type)"
                + " VALUES (?, ?, ?, ?)", id, subscriber.id(), event.metadata().id(), event.type().name());
    }

    /** The event as a CloudEvents 1.0 JSON document: the {@code ce_*} attributes and the payload as {@code data}. */
    private ObjectNode cloudEvent(Observed event) {
        EventMetadata metadata = event.metadata();
        ObjectNode node = json.createObjectNode();
        node.put("specversion", EventMetadata.SPEC_VERSION_VALUE);
        node.put("id", metadata.id().toString());
        node.put("source", metadata.source());
        node.put("type", metadata.type());
        node.put("time", EventTimes.format(metadata.time()));
        node.put("datacontenttype", EventMetadata.JSON);
        node.put("minorversion", EventMetadata.MINOR_VERSION_VALUE);
        node.put("sourcehost", metadata.sourceHost());
        node.put("sourcelib", metadata.sourceLib());
        node.set("data", json.readTree(EventJson.write(event.payload())));
        return node;
    }

    /** An event the LMS published or applied. */
    record Observed(EventType<?> type, Object payload, EventMetadata metadata, String key) {
    }

    /** @param fieldMapping null: the CloudEvent itself is the body */
    private record Subscriber(long id, String url, Set<String> eventTypes, FieldMapping fieldMapping) {
    }
}
