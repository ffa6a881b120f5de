package org.openedx.suite.lms.learner;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.eventbus.ProducedEvents;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.eventbus.TrackingLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * New rows go to the persistence context; passing and certificate changes go on the bus, and tracking logs to the
 * tracker, in the change's transaction.
 */
@Component
class LearnerEffects implements LearnerInCourse.Effects {

    private final EntityManager entityManager;
    private final EventPublisher publisher;
    private final Tracker tracker;

    LearnerEffects(EntityManager entityManager, EventPublisher publisher, Tracker tracker) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.tracker = tracker;
    }

    @Override
    public void create(Object row) {
        entityManager.persist(row);
    }

    @Override
    public void track(TrackingLog log) {
        tracker.emit(log);
    }

    @Override
    public void announcePassing(LearnerInCourse learner, Instant at) {
        publisher.publish(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED, new CoursePassingStatusEvent(
                new CoursePassingStatusData(learner.standing().passed(), learner.course().toCourseData(),
                        learner.user().toUserData())), at);
    }

    @Override
    public void announceCertificate(LearnerInCourse learner, Certificate certificate,
                                    CertificateRules.Announcement how, String previousStatus, Instant at) {
        var user = learner.user();
        var data = new CertificateData(user.toUserData(), learner.course().toCourseData(), certificate.mode(),
                certificate.grade(), certificate.downloadUrl(), user.name(), certificate.status(), previousStatus);
        publisher.publish(typeOf(how), new CertificateEvent(data), at);
    }

    private static EventType<CertificateEvent> typeOf(CertificateRules.Announcement announcement) {
        return switch (announcement) {
            case CREATED -> OpenEdxEvents.CERTIFICATE_CREATED;
            case CHANGED -> OpenEdxEvents.CERTIFICATE_CHANGED;
            case REVOKED -> OpenEdxEvents.CERTIFICATE_REVOKED;
            case NONE -> throw new IllegalArgumentException("nothing to announce");
        };
    }

    /** What the learner feature announces. */
    @Configuration(proxyBeanMethods = false)
    static class Produced {

        @Bean
        ProducedEvents learnerEvents() {
            return ProducedEvents.of(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED, OpenEdxEvents.CERTIFICATE_CREATED,
                    OpenEdxEvents.CERTIFICATE_CHANGED, OpenEdxEvents.CERTIFICATE_REVOKED);
        }
    }
}
