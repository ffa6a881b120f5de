package org.openedx.suite.credentials.badge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openedx.suite.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Badge templates: what earns a badge of an organization, and which provider issues it. */
@Service
class BadgeTemplates {

    private static final TypeReference<List<RequirementInput>> REQUIREMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<PenaltyInput>> PENALTIES = new TypeReference<>() {
    };
    private static final String COLUMNS = "uuid, name, description, organization, provider, provider_template_id, "
            + "requirements, penalties, active, created";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BadgeSettings settings;

    BadgeTemplates(JdbcTemplate jdbc, JsonMapper json, BadgeSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
    }

    /** Checks every rule (400 naming the field, nothing saved), then saves the template inactive. */
    @Transactional
    BadgeTemplate create(BadgeTemplateController.TemplateRequest request) {
        BadgeRules.checked(request.requirements(), request.penalties(), settings.eventTypes());
        checkProvider(request.provider(), request.providerTemplateId());
        UUID uuid = UUID.randomUUID();
        jdbc.update("INSERT INTO badge_template (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, ?)", uuid,
                request.name(), request.description(), request.organization(), request.provider(),
                request.providerTemplateId(), json.writeValueAsString(request.requirements()),
                json.writeValueAsString(request.penalties() == null ? List.of() : request.penalties()),
                Timestamp.from(Instant.now()));
        return require(uuid);
    }

    @Transactional
    BadgeTemplate activate(UUID uuid, boolean active) {
        require(uuid);
        jdbc.update("UPDATE badge_template SET active = ? WHERE uuid = ?", active, uuid);
        return require(uuid);
    }

    @Transactional(readOnly = true)
    List<BadgeTemplate> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM badge_template ORDER BY created, uuid", this::row);
    }

    /** The active templates, their rules ready to apply. */
    List<BadgeTemplate> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM badge_template WHERE active ORDER BY created, uuid", this::row);
    }

    @Transactional(readOnly = true)
    BadgeTemplate require(UUID uuid) {
        return find(uuid).orElseThrow(() -> ApiException.notFound("no badge template " + uuid));
    }

    Optional<BadgeTemplate> find(UUID uuid) {
        return jdbc.query("SELECT " + COLUMNS + " FROM badge_template WHERE uuid = ?", this::row, uuid).stream()
                .findFirst();
    }

    private void checkProvider(String provider, String providerTemplateId) {
        switch (provider) {
            case "credly", "accredible" -> {
                BadgeSettings.Provider configured = provider.equals("credly") ? settings.credly()
                        : settings.accredible();
                if (configured == null) {
                    throw ApiException.badRequest("provider", provider + " is not configured here ("
                            + provider.toUpperCase() + "_API_URL); use internal or another provider");
                }
                if (providerTemplateId == null || providerTemplateId.isBlank()) {
                    throw ApiException.badRequest("provider_template_id", "is required for " + provider
                            + ": the badge template (Credly) or group (Accredible) to issue");
                }
            }
            case "internal" -> {
                // issued here only: nothing to call
            }
            default -> throw ApiException.badRequest("provider", "must be one of credly, accredible, internal");
        }
    }

    private BadgeTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<RequirementInput> requirements = json.readValue(rs.getString("requirements"), REQUIREMENTS);
        List<PenaltyInput> penalties = json.readValue(rs.getString("penalties"), PENALTIES);
        return new BadgeTemplate(rs.getObject("uuid", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("organization"), rs.getString("provider"), rs.getString("provider_template_id"),
                requirements, penalties, rs.getBoolean("active"), rs.getTimestamp("created").toInstant());
    }

    /** A template as stored, with the inputs its rules were checked from. */
    record BadgeTemplate(UUID uuid, String name, String description, String organization, String provider,
                         String providerTemplateId, List<RequirementInput> requirements, List<PenaltyInput> penalties,
                         boolean active, Instant created) {

        /** Its rules; null when they no longer fit the configured event types (the template then counts nothing). */
        BadgeRules.Template rules(java.util.Set<String> eventTypes) {
            try {
                return BadgeRules.checked(requirements, penalties, eventTypes);
            } catch (ApiException e) {
                return null;
            }
        }
    }
}
