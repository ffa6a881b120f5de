package org.openedx.suite.it.reliability;

import java.time.Instant;
import java.util.UUID;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.Topics;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.it.support.KafkaTopics;
import org.openedx.suite.runner.Suite;

/** Certificate events written straight onto their topic, as the LMS's relay would, keyed by course. */
final class CertificateEvents {

    private CertificateEvents() {
    }

    /** A new event; returns its {@code ce_id}. */
    static UUID send(Suite suite, EventType<CertificateEvent> type, CertificateData certificate, Instant time) {
        UUID id = UUID.randomUUID();
        send(suite, id, type, certificate, time);
        return id;
    }

    /** An event with a given {@code ce_id}: the same one again is a redelivery. */
    static void send(Suite suite, UUID id, EventType<CertificateEvent> type, CertificateData certificate,
                     Instant time) {
        KafkaTopics.produceEvent(suite.kafka(), suite.topic(Topics.LEARNING_CERTIFICATE_LIFECYCLE),
                certificate.course().courseKey(), EventMetadata.of(id, type.name(), "lms", time, "test"),
                new CertificateEvent(certificate));
    }

    /** A verified certificate with this status; {@code downloadable} ones have a download URL. */
    static CertificateData certificate(String learner, String courseKey, String status, String previous) {
        return new CertificateData(new UserData(4242, true, new UserPersonalData(learner, learner + "@example.org",
                learner)), new CourseData(courseKey, "Reliability 101", null, null), "verified", "0.90",
                status.equals("downloadable") ? "/certificates/x" : "", learner, status, previous);
    }
}
