package org.openedx.suite.credentials.badge;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openedx.suite.contracts.BadgeEvent;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.eventbus.ProducedEvents;
import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundRequest;
import org.openedx.suite.web.ApiException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learners' badges: awarded and revoked as their progress says, announced on {@code learning-badges-lifecycle}
 * through the outbox, and issued or revoked at the template's provider by durable outbound calls written in the same
 * transaction (Open edX calls the provider inside its handler and gives up on the first error). The provider's answer
 * sets the badge's {@code provider_state}: {@code accepted}, {@code revoked} or {@code error} with the provider's
 * message; {@code pending} until it comes, {@code none} for an internal badge.
 */
@Service
class Badges {

    /** Stands in a revocation's URL for the provider's id of the badge, known once the issue call was answered. */
    static final String PROVIDER_ID = "provider-badge-id";

    static final String CREDLY_ISSUE = "credly-badge";
    static final String CREDLY_REVOKE = "credly-revocation";
    static final String ACCREDIBLE_ISSUE = "accredible-credential";
    static final String ACCREDIBLE_REVOKE = "accredible-expiry";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final OutboundDeliveries calls;
    private final BadgeSettings settings;
    private final JsonMapper json;

    Badges(JdbcTemplate jdbc, EventPublisher events, OutboundDeliveries calls, BadgeSettings settings,
           JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.calls = calls;
        this.settings = settings;
        this.json = json;
    }

    /** Awards the template's badge to a learner whose progress is complete, revokes it from one whose is not. */
    void follow(BadgeTemplates.BadgeTemplate template, UserData user, boolean complete, Instant wanted) {
        String username = user.pii().username();
        Optional<Badge> badge = find(template.uuid(), username);
        boolean awarded = badge.map(Badge::awarded).orElse(false);
        if (complete == awarded) {
            return;
        }
        Instant at = BadgeProgressions.after(badge.map(Badge::modified).orElse(null), wanted);
        UUID uuid = badge.map(Badge::uuid).orElseGet(UUID::randomUUID);
        String state = template.provider().equals("internal") ? "none" : "pending";
        jdbc.update("""
                INSERT INTO badge (uuid, template_uuid, username, status, provider_state, modified)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (template_uuid, username) DO UPDATE SET status = EXCLUDED.status,
                    provider_state = EXCLUDED.provider_state, provider_error = NULL, modified = EXCLUDED.modified
                """, uuid, template.uuid(), username, complete ? "awarded" : "revoked", state, Timestamp.from(at));
        announce(complete ? OpenEdxEvents.BADGE_AWARDED : OpenEdxEvents.BADGE_REVOKED, uuid, template, user, at);
        if (complete) {
            issue(uuid, template, user, at);
        } else {
            revoke(uuid, template, at);
        }
    }

    private void announce(EventType<BadgeEvent> type, UUID badge, BadgeTemplates.BadgeTemplate template,
                          UserData user, Instant at) {
        events.publish(type, new BadgeEvent(new BadgeEvent.BadgeData(badge.toString(), user,
                new BadgeEvent.BadgeTemplateData(template.uuid().toString(), template.provider(), template.name(),
                        template.description(), null))), at);
    }

    private void issue(UUID badge, BadgeTemplates.BadgeTemplate template, UserData user, Instant at) {
        switch (template.provider()) {
            case "credly" -> {
                List<String> names = BadgeProgressions.nameParts(user.pii().name());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("recipient_email", user.pii().email());
                body.put("issued_to_first_name", names.get(0));
                body.put("issued_to_last_name", names.get(1));
                body.put("badge_template_id", template.providerTemplateId());
                body.put("issued_at", EventTimes.format(at));
                calls.enqueue(OutboundRequest.post(CREDLY_ISSUE, badge.toString(), badge.toString(),
                        credly("/badges"), json.writeValueAsString(body)));
            }
            case "accredible" -> {
                Map<String, Object> credential = new LinkedHashMap<>();
                credential.put("recipient", Map.of("name", user.pii().name(), "email", user.pii().email()));
                credential.put("group_id", template.providerTemplateId());
                credential.put("issued_on", at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
                calls.enqueue(OutboundRequest.post(ACCREDIBLE_ISSUE, badge.toString(), badge.toString(),
                        accredible("/v1/credentials"), json.writeValueAsString(Map.of("credential", credential))));
            }
            default -> {
                // internal: the badge is this service's record alone
            }
        }
    }

    private void revoke(UUID badge, BadgeTemplates.BadgeTemplate template, Instant at) {
        switch (template.provider()) {
            case "credly" -> calls.enqueue(new OutboundRequest(CREDLY_REVOKE, badge.toString(), badge.toString(),
                    "PUT", credly("/badges/" + PROVIDER_ID + "/revoke"), json.writeValueAsString(Map.of(
                    "reason", "the learner no longer meets the badge's requirements",
                    "suppress_revoke_notification_email", false))));
            case "accredible" -> calls.enqueue(new OutboundRequest(ACCREDIBLE_REVOKE, badge.toString(),
                    badge.toString(), "PUT", accredible("/v1/credentials/" + PROVIDER_ID),
                    json.writeValueAsString(Map.of("credential", Map.of("expired_on",
                            at.atOffset(ZoneOffset.UTC).toLocalDate().toString())))));
            default -> {
                // internal
            }
        }
    }

    private URI credly(String path) {
        return URI.create(settings.credly().url() + "/v1/organizations/" + settings.credlyOrganization() + path);
    }

    private URI accredible(String path) {
        return URI.create(settings.accredible().url() + path);
    }

    /** What the provider's answer says of a badge, in the transaction that records the answer. */
    void providerState(String badge, String state, String providerBadgeId, String error) {
        jdbc.update("""
                UPDATE badge SET provider_state = ?, provider_badge_id = coalesce(?, provider_badge_id),
                                 provider_error = ? WHERE uuid = ?""", state, providerBadgeId, error,
                UUID.fromString(badge));
    }

    /** The provider's id of a badge, once its issue call was answered. */
    Optional<String> providerBadgeId(String badge) {
        return jdbc.queryForList("SELECT provider_badge_id FROM badge WHERE uuid = ? AND provider_badge_id IS NOT NULL",
                String.class, UUID.fromString(badge)).stream().findFirst();
    }

    // ---- reads

    @Transactional(readOnly = true)
    List<BadgeController.BadgeResponse> of(String username) {
        return jdbc.query(SELECT + " WHERE b.username = ? ORDER BY b.modified, b.uuid", this::response, username);
    }

    @Transactional(readOnly = true)
    BadgeController.BadgeResponse get(UUID uuid) {
        return jdbc.query(SELECT + " WHERE b.uuid = ?", this::response, uuid).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("no badge " + uuid));
    }

    private static final String SELECT = """
            SELECT b.uuid, b.template_uuid, t.name, b.username, b.status, b.provider_state, b.provider_error,
                   b.modified, p.fulfilled
              FROM badge b JOIN badge_template t ON t.uuid = b.template_uuid
              LEFT JOIN badge_progress p ON p.template_uuid = b.template_uuid AND p.username = b.username""";

    private BadgeController.BadgeResponse response(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Array fulfilled = rs.getArray("fulfilled");
        return new BadgeController.BadgeResponse(rs.getObject("uuid", UUID.class),
                rs.getObject("template_uuid", UUID.class), rs.getString("name"), rs.getString("username"),
                rs.getString("status"), rs.getString("provider_state"), rs.getString("provider_error"),
                rs.getTimestamp("modified").toInstant(),
                fulfilled == null ? List.of() : List.of((Integer[]) fulfilled.getArray()));
    }

    private Optional<Badge> find(UUID template, String username) {
        return jdbc.query("SELECT uuid, status, modified FROM badge WHERE template_uuid = ? AND username = ?"
                        + " FOR UPDATE", (rs, n) -> new Badge(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()), template, username).stream().findFirst();
    }

    private record Badge(UUID uuid, String status, Instant modified) {
        boolean awarded() {
            return "awarded".equals(status);
        }
    }

    /** What the badge feature announces. */
    @Configuration(proxyBeanMethods = false)
    static class Produced {

        @Bean
        ProducedEvents badgeEvents() {
            return ProducedEvents.of(OpenEdxEvents.BADGE_AWARDED, OpenEdxEvents.BADGE_REVOKED);
        }
    }
}
