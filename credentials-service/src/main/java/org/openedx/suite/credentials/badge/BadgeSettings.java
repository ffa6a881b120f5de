package org.openedx.suite.credentials.badge;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which events count towards badges ({@code BADGES_EVENT_TYPES}, as Open edX's {@code BADGES_CONFIG["events"]}; the
 * passing status and its CCX variant by default) and where the providers are: Credly ({@code CREDLY_API_URL},
 * {@code CREDLY_ORGANIZATION_ID}, {@code CREDLY_API_KEY}) and Accredible ({@code ACCREDIBLE_API_URL},
 * {@code ACCREDIBLE_API_KEY}). A provider without a URL cannot be chosen for a template.
 */
@Component
class BadgeSettings {

    /** The event types a badge may count: those carrying the learner and a course, that credentials consumes. */
    static final List<EventType<?>> COUNTABLE = List.of(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED,
            OpenEdxEvents.CCX_COURSE_PASSING_STATUS_UPDATED, OpenEdxEvents.CERTIFICATE_CREATED,
            OpenEdxEvents.CERTIFICATE_REVOKED);

    private final Set<String> eventTypes;
    private final Provider credly;
    private final Provider accredible;
    private final String credlyOrganization;

    BadgeSettings(@Value("${suite.badges.event-types}") List<String> eventTypes,
                  @Value("${suite.badges.credly.url:}") String credlyUrl,
                  @Value("${suite.badges.credly.organization-id:}") String credlyOrganization,
                  @Value("${suite.badges.credly.api-key:}") String credlyKey,
                  @Value("${suite.badges.accredible.url:}") String accredibleUrl,
                  @Value("${suite.badges.accredible.api-key:}") String accredibleKey) {
        Set<String> countable = new LinkedHashSet<>();
        COUNTABLE.forEach(type -> countable.add(type.name()));
        this.eventTypes = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (!type.isBlank() && !countable.contains(type.trim())) {
                throw new IllegalStateException("BADGES_EVENT_TYPES names " + type + ", which credentials does not "
                        + "consume; one of " + String.join(", ", countable));
            }
            if (!type.isBlank()) {
                this.eventTypes.add(type.trim());
            }
        }
        this.credly = Provider.of(credlyUrl, credlyKey);
        this.credlyOrganization = credlyOrganization;
        this.accredible = Provider.of(accredibleUrl, accredibleKey);
        if (credly != null && credlyOrganization.isBlank()) {
            throw new IllegalStateException("CREDLY_API_URL is set but CREDLY_ORGANIZATION_ID is not");
        }
    }

    Set<String> eventTypes() {
        return eventTypes;
    }

    /** Null when not configured. */
    Provider credly() {
        return credly;
    }

    String credlyOrganization() {
        return credlyOrganization;
    }

    /** Null when not configured. */
    Provider accredible() {
        return accredible;
    }

    record Provider(URI url, String apiKey) {
        static Provider of(String url, String apiKey) {
            if (url == null || url.isBlank()) {
                return null;
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("a badge provider at " + url + " needs its API key");
            }
            return new Provider(URI.create(url.replaceAll("/+$", "")), apiKey);
        }
    }
}
