package org.openedx.suite.credentials.badge;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.InboundEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves learners towards their badges as counted events arrive, in the consumer's transaction (exactly once by
 * {@code ce_id}; per learner, course and kind of event the newest wins): penalties reset requirements, matching
 * events fulfil them (count requirements once enough distinct values came), and a template whose groups are all
 * fulfilled awards its badge, one that stops being so revokes it. Unlike Open edX, a revoked badge is awarded again
 * when its requirements are met again. A template counts the events of its organization's course runs.
 */
@Service
class BadgeProgressions {

    private static final String ENTITY = "badge-source";
    private static final TypeReference<TreeMap<Integer, TreeSet<String>>> COUNTED = new TypeReference<>() {
    };

    private final BadgeTemplates templates;
    private final Badges badges;
    private final BadgeSettings settings;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    BadgeProgressions(BadgeTemplates templates, Badges badges, BadgeSettings settings, JdbcTemplate jdbc,
                      JsonMapper json) {
        this.templates = templates;
        this.badges = badges;
        this.settings = settings;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    <T> void apply(InboundEvents<T> events) {
        if (events.all().stream().noneMatch(event -> settings.eventTypes().contains(event.metadata().type()))) {
            return;
        }
        List<BadgeTemplates.BadgeTemplate> active = templates.active();
        if (active.isEmpty()) {
            return;
        }
        // each payload's data read once, and each template's rules checked once, for the whole poll
        java.util.Map<T, JsonNode> data = new java.util.HashMap<>();
        events.all().forEach(event -> data.put(event.payload(),
                BadgeRules.dataOf(json.readTree(EventJson.write(event.payload())))));
        java.util.Map<BadgeTemplates.BadgeTemplate, BadgeRules.Template> rules = new java.util.LinkedHashMap<>();
        for (BadgeTemplates.BadgeTemplate template : active) {
            BadgeRules.Template checked = template.rules(settings.eventTypes());
            if (checked != null) {
                rules.put(template, checked);
            }
        }
        List<InboundEvent<T>> counted = events.newest(ENTITY, payload -> sourceKey(payload, data.get(payload)))
                .stream().filter(event -> settings.eventTypes().contains(event.metadata().type())).toList();
        for (InboundEvent<T> event : counted) {
            JsonNode eventData = data.get(event.payload());
            String organization = organizationOf(courseKeyOf(eventData));
            rules.forEach((template, templateRules) -> {
                if (template.organization().equals(organization)) {
                    step(template, templateRules, userOf(eventData), event.metadata().type(), eventData,
                            EventTimes.truncate(event.metadata().time()));
                }
            });
        }
    }

    private void step(BadgeTemplates.BadgeTemplate template, BadgeRules.Template rules, UserData user,
                      String eventType, JsonNode data, Instant at) {
        String username = user.pii().username();
        Progress progress = progressOf(template.uuid(), username);
        for (Integer reset : BadgeRules.resetBy(rules, eventType, data)) {
            progress.fulfilled().remove(reset);
            progress.counted().remove(reset);
        }
        for (Integer matched : BadgeRules.matchedBy(rules, eventType, data)) {
            BadgeRules.Requirement requirement = rules.requirements().get(matched);
            if (requirement.counted()) {
                BadgeRules.distinctValue(requirement, data).ifPresent(value ->
                        progress.counted().computeIfAbsent(matched, i -> new TreeSet<>()).add(value));
                if (requirement.reachedBy(progress.counted().getOrDefault(matched, new TreeSet<>()).size())) {
                    progress.fulfilled().add(matched);
                }
            } else {
                progress.fulfilled().add(matched);
            }
        }
        save(template.uuid(), username, progress, at);
        boolean complete = BadgeRules.progress(rules, progress.fulfilled()).complete();
        badges.follow(template, user, complete, at);
    }

    private Progress progressOf(UUID template, String username) {
        return jdbc.query("SELECT fulfilled, counted FROM badge_progress WHERE template_uuid = ? AND username = ?"
                        + " FOR UPDATE", (rs, n) -> {
                    Integer[] fulfilled = (Integer[]) rs.getArray(1).getArray();
                    return new Progress(new TreeSet<>(List.of(fulfilled)), json.readValue(rs.getString(2), COUNTED));
                }, template, username).stream().findFirst()
                .orElseGet(() -> new Progress(new TreeSet<>(), new TreeMap<>()));
    }

    private void save(UUID template, String username, Progress progress, Instant at) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO badge_progress (template_uuid, username, fulfilled, counted, modified)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (template_uuid, username) DO UPDATE SET fulfilled = EXCLUDED.fulfilled,
                        counted = EXCLUDED.counted, modified = EXCLUDED.modified""");
            Array fulfilled = connection.createArrayOf("int4", progress.fulfilled().toArray());
            statement.setObject(1, template);
            statement.setString(2, username);
            statement.setArray(3, fulfilled);
            statement.setString(4, json.writeValueAsString(progress.counted()));
            statement.setTimestamp(5, Timestamp.from(at));
            return statement;
        });
    }

    /** A learner's progress towards a template's badge; 404 before any counted event of theirs. */
    @Transactional(readOnly = true)
    BadgeTemplateController.ProgressResponse progress(UUID template, String username) {
        BadgeTemplates.BadgeTemplate found = templates.require(template);
        Progress progress = jdbc.query("SELECT fulfilled, counted FROM badge_progress WHERE template_uuid = ?"
                        + " AND username = ?", (rs, n) -> new Progress(
                        new TreeSet<>(List.of((Integer[]) rs.getArray(1).getArray())),
                        json.readValue(rs.getString(2), COUNTED)), template, username).stream().findFirst()
                .orElseThrow(() -> org.openedx.suite.web.ApiException.notFound(username
                        + " has no progress towards badge template " + template));
        BadgeRules.Template rules = found.rules(settings.eventTypes());
        BadgeRules.Progress standing = rules == null ? new BadgeRules.Progress(0, 0)
                : BadgeRules.progress(rules, progress.fulfilled());
        return new BadgeTemplateController.ProgressResponse(template, username, List.copyOf(progress.fulfilled()),
                progress.counted(), standing.fulfilledGroups(), standing.groups(), standing.complete());
    }

    /** Per learner, course run and kind of payload: passing status and certificates are ordered apart. */
    private static String sourceKey(Object payload, JsonNode data) {
        return payload.getClass().getSimpleName() + "|" + data.at("/user/pii/username").asString() + "|"
                + data.at("/course/course_key").asString(data.at("/course/ccx_course_key").asString(""));
    }

    /** The course run an event is about: a CCX counts as its master course, whose organization it belongs to. */
    private static String courseKeyOf(JsonNode data) {
        JsonNode course = data.path("course");
        return course.has("course_key") ? course.path("course_key").asString("")
                : course.path("master_course_key").asString("");
    }

    private static UserData userOf(JsonNode data) {
        JsonNode user = data.path("user");
        JsonNode pii = user.path("pii");
        return new UserData(user.path("id").asLong(), user.path("is_active").asBoolean(true),
                new UserPersonalData(pii.path("username").asString(), pii.path("email").asString(),
                        pii.path("name").asString()));
    }

    /** {@code course-v1:edX+DemoX+2026} belongs to {@code edX}. */
    static String organizationOf(String courseKey) {
        if (!courseKey.startsWith("course-v1:") || courseKey.indexOf('+') < 0) {
            return "";
        }
        return courseKey.substring("course-v1:".length(), courseKey.indexOf('+'));
    }

    /** A learner's standing on one template: the requirements fulfilled, and what count requirements have seen. */
    private record Progress(TreeSet<Integer> fulfilled, TreeMap<Integer, TreeSet<String>> counted) {
    }

    static Instant after(Instant previous, Instant wanted) {
        return previous == null || wanted.isAfter(previous) ? wanted : previous.plus(1, ChronoUnit.MICROS);
    }

    static List<String> nameParts(String name) {
        String trimmed = name == null ? "" : name.trim();
        int space = trimmed.indexOf(' ');
        List<String> parts = new ArrayList<>();
        parts.add(space < 0 ? trimmed : trimmed.substring(0, space));
        parts.add(space < 0 ? "" : trimmed.substring(space + 1));
        return parts;
    }
}
