package org.openedx.suite.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.openedx.suite.testsupport.KafkaTestClient.Outgoing;

/**
 * Plays the LMS in tests: puts certificate events on the certificate lifecycle topic the way the LMS's outbox relay
 * does (course key as message key, the {@code ce_*} headers, JSON payload), and can resend an event with the same
 * {@code ce_id} as a redelivery would.
 */
public final class Lms {

    private final KafkaTestClient kafka;
    private final String topic;
    private final String deadLetterTopic;

    Lms(String bootstrapServers, String topic, String deadLetterTopic) {
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
    }

    public String topic() {
        return topic;
    }

    /** Sends a new event; returns its {@code ce_id}. */
    public UUID send(EventType<CertificateEvent> type, CertificateData certificate, Instant eventTime) {
        return send(type, certificate, UUID.randomUUID(), eventTime);
    }

    /** Sends the event with the given {@code ce_id}: a second call with the same id is a redelivery. */
    public UUID send(EventType<CertificateEvent> type, CertificateData certificate, UUID eventId, Instant eventTime) {
        Outgoing record = new Sent(type, certificate, eventTime, eventId).record();
        send(record.key(), record.value(), record.headers());
        return eventId;
    }

    public void send(String key, byte[] payload, Map<String, String> headers) {
        kafka.send(topic, key, payload, headers);
    }

    /**
     * Sends the records through one producer in one go, as a busy LMS's relay does, so that the service meets them
     * in one poll. A {@link Sent} that appears twice is delivered twice.
     */
    public void sendTogether(List<Outgoing> records) {
        kafka.sendTogether(topic, records);
    }

    /** A certificate event to send: its type, what it says, its time, and its {@code ce_id}. */
    public record Sent(EventType<CertificateEvent> type, CertificateData certificate, Instant time, UUID id) {

        public Sent(EventType<CertificateEvent> type, CertificateData certificate, Instant time) {
            this(type, certificate, time, UUID.randomUUID());
        }

        /** The record as the LMS writes it: keyed by the course key, so a course run's events stay in order. */
        public Outgoing record() {
            return keyedBy(type.keyOf(new CertificateEvent(certificate)));
        }

        public Outgoing keyedBy(String messageKey) {
            return new Outgoing(messageKey, EventJson.write(new CertificateEvent(certificate)),
                    headers(type, id, time));
        }
    }

    /** The record of the event on the dead-letter topic, or null while there is none. */
    public Message deadLetter(UUID eventId) {
        return kafka.readAll(deadLetterTopic).stream()
                .filter(message -> eventId.toString().equals(message.header("ce_id")))
                .findFirst().orElse(null);
    }

    public static Map<String, String> headers(EventType<?> type, UUID eventId, Instant eventTime) {
        return EventMetadata.of(eventId, type.name(), "lms", eventTime, "lms-test-host").toHeaders();
    }

    /** A learner as the LMS knows them. */
    public record Learner(long id, String username, String email, String name) {

        public static Learner named(String name) {
            String username = "learner_" + UUID.randomUUID().toString().substring(0, 8);
            return new Learner(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000), username,
                    username + "@example.com", name);
        }

        public Learner renamed(String newName) {
            return new Learner(id, username, email, newName);
        }

        public UserData userData() {
            return new UserData(id, true, new UserPersonalData(username, email, name));
        }
    }

    public static String newCourseKey() {
        return "course-v1:edX+C" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
    }

    /** A passing certificate, as the LMS announces it on {@code certificate.created} and {@code .changed}. */
    public static CertificateData downloadable(Learner learner, String courseKey, String mode) {
        return certificate(learner, courseKey, mode, "downloadable", "generating",
                "https://lms.example.com/certificates/" + UUID.randomUUID());
    }

    /** A certificate that no longer counts, as the LMS announces it on {@code certificate.revoked}. */
    public static CertificateData notPassing(Learner learner, String courseKey, String mode) {
        return certificate(learner, courseKey, mode, "notpassing", "downloadable", "");
    }

    /** A certificate no retry can apply: its course key is no course key. */
    public static CertificateData withMalformedCourseKey(Learner learner) {
        return certificate(learner, "course-v1:not a course key", "verified", "downloadable", "generating", "");
    }

    public static CertificateData certificate(Learner learner, String courseKey, String mode, String currentStatus,
                                              String previousStatus, String downloadUrl) {
        return new CertificateData(learner.userData(),
                new CourseData(courseKey, "Demonstration Course", Instant.parse("2026-01-10T00:00:00Z"), null),
                mode, "0.85", downloadUrl, learner.name(), currentStatus, previousStatus);
    }
}
