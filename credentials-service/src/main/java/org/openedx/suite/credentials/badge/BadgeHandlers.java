package org.openedx.suite.credentials.badge;

import java.util.List;

import org.openedx.suite.contracts.CcxCoursePassingStatusEvent;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events that count towards badges, applied beside credentials' own handlers in the same transaction: the LMS's
 * passing status (and its CCX variant) on {@code learning-badges-lifecycle} and, where {@code BADGES_EVENT_TYPES} lists them, its
 * certificates.
 */
@Configuration(proxyBeanMethods = false)
class BadgeHandlers {

    @Bean
    EventHandler<CoursePassingStatusEvent> passingStatusBadges(BadgeProgressions progressions) {
        return new Counted<>(List.of(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED), progressions);
    }

    @Bean
    EventHandler<CcxCoursePassingStatusEvent> ccxPassingStatusBadges(BadgeProgressions progressions) {
        return new Counted<>(List.of(OpenEdxEvents.CCX_COURSE_PASSING_STATUS_UPDATED), progressions);
    }

    @Bean
    EventHandler<CertificateEvent> certificateBadges(BadgeProgressions progressions) {
        return new Counted<>(List.of(OpenEdxEvents.CERTIFICATE_CREATED, OpenEdxEvents.CERTIFICATE_REVOKED),
                progressions);
    }

    private record Counted<T>(List<EventType<T>> types, BadgeProgressions progressions) implements EventHandler<T> {

        @Override
        public List<EventType<T>> eventTypes() {
            return types;
        }

        @Override
        public void apply(InboundEvents<T> events) {
            progressions.apply(events);
        }
    }
}
