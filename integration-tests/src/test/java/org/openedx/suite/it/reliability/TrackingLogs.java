package org.openedx.suite.it.reliability;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.runner.Suite;

/** Tracking logs written straight onto {@code analytics}, as the LMS's tracker would write them (keyed by name). */
final class TrackingLogs {

    private TrackingLogs() {
    }

    /** A log's payload as it travels: data and context are JSON objects in strings. */
    static byte[] payload(String name, Instant time, String data, String context) {
        return EventJson.write(new TrackingEvent(new TrackingEvent.TrackingLogData(name, EventTimes.format(time), data,
                context)));
    }

    /** The envelope of a tracking log from {@code service} (its {@code ce_source}), at {@code time}. */
    static Map<String, String> headers(UUID id, String service, Instant time) {
        return new HashMap<>(EventMetadata.of(id, OpenEdxEvents.TRACKING_EVENT_EMITTED.name(), service, time, "test")
                .toHeaders());
    }

    /** Writes one log from the LMS under this {@code ce_id}, keyed by its name. */
    static RecordMetadata sendFromLms(Suite suite, UUID id, String name, Instant time, String data, String context) {
        return KafkaTopics.produce(suite.kafka(), suite.topic(Topics.ANALYTICS), name,
                payload(name, time, data, context), headers(id, "lms", time));
    }

    /** A learner's data fields: user and course, and any more given as JSON members ({@code "mode": "audit"}). */
    static String data(long userId, String courseKey, String more) {
        return "{\"user_id\": " + userId + ", \"course_id\": \"" + courseKey + "\"" + (more.isEmpty() ? "" : ", " + more)
                + "}";
    }

    static String context(String courseKey) {
        return "{\"course_id\": \"" + courseKey + "\", \"org_id\": \"" + courseKey.split("[:+]")[1] + "\"}";
    }
}
