package org.openedx.suite.insights;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.contracts.TrackingEvent.TrackingLogData;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.openedx.suite.testsupport.KafkaTestClient.Outgoing;

/**
 * Plays the services that track what users do (the LMS, exams, the CMS): puts tracking logs on the analytics topic as
 * Open edX's tracker does (the tracking name as message key, the {@code ce_*} headers with the producer's
 * {@code ce_source} and the log's time as {@code ce_time}, JSON payload), and can send one again with the same
 * {@code ce_id}, as a redelivery would.
 */
public final class Trackers {

    private final KafkaTestClient kafka;
    private final String topic;
    private final String deadLetterTopic;

    Trackers(String bootstrapServers, String topic, String deadLetterTopic) {
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Sends the log as a new event; returns its {@code ce_id}. */
    public UUID send(Log log) {
        return send(log, UUID.randomUUID());
    }

    /** Sends the log with this {@code ce_id}: a second call with the same id is a redelivery. */
    public UUID send(Log log, UUID eventId) {
        Outgoing record = log.record(eventId);
        kafka.send(topic, record.key(), record.value(), record.headers());
        return eventId;
    }

    /** Sends the log under another message key than its name, e.g. on the partition of another name. */
    public UUID sendKeyed(Log log, String key) {
        UUID eventId = UUID.randomUUID();
        Outgoing record = log.record(eventId);
        kafka.send(topic, key, record.value(), record.headers());
        return eventId;
    }

    /** Sends the logs through one producer in one go, so that insights is likely to meet them in one poll. */
    public void sendTogether(List<Log> logs) {
        kafka.sendTogether(topic, logs.stream().map(log -> log.record(UUID.randomUUID())).toList());
    }

    /** Sends a record as it is: for payloads no producer of the suite would write. */
    public void sendRaw(String key, byte[] payload, Map<String, String> headers) {
        kafka.send(topic, key, payload, headers);
    }

    /** The record of the event on the dead-letter topic, or null while there is none. */
    public Message deadLetter(UUID eventId) {
        return kafka.readAll(deadLetterTopic).stream()
                .filter(message -> eventId.toString().equals(message.header("ce_id")))
                .findFirst().orElse(null);
    }

    public static Map<String, String> headers(UUID eventId, String source, Instant time) {
        return EventMetadata.of(eventId, OpenEdxEvents.TRACKING_EVENT_EMITTED.name(), source, time, source + "-test-host")
                .toHeaders();
    }

    public static String newCourseKey() {
        return "course-v1:edX+I" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
    }

    public static long newUserId() {
        return 1 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /**
     * A tracking log as a service's tracker sends it.
     *
     * @param source the producing service: {@code lms}, {@code exams}, {@code cms}
     */
    public record Log(String source, String name, Instant time, String data, String context) {

        /** A learner's log in a course: {@code user_id} and {@code course_id} in data and context, plus {@code more}. */
        public static Log of(String name, Instant time, long userId, String courseKey, Object... more) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user_id", userId);
            data.put("course_id", courseKey);
            for (int i = 0; i < more.length; i += 2) {
                data.put((String) more[i], more[i + 1]);
            }
            String source = name.startsWith("edx.special_exam.") ? "exams"
                    : name.equals("edx.course.published") ? "cms" : "lms";
            return new Log(source, name, time, json(data), json(Map.of("course_id", courseKey,
                    "org_id", "edX", "user_id", userId)));
        }

        public Log withData(String data) {
            return new Log(source, name, time, data, context);
        }

        public Log at(Instant other) {
            return new Log(source, name, other, data, context);
        }

        Outgoing record(UUID eventId) {
            TrackingEvent payload = new TrackingEvent(new TrackingLogData(name, EventTimes.format(time), data,
                    context));
            return new Outgoing(name, EventJson.write(payload), headers(eventId, source, time));
        }

        private static String json(Map<String, ?> fields) {
            return EventJson.mapper().writeValueAsString(fields);
        }
    }
}
