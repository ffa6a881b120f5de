package org.openedx.suite.insights.statement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxKeys;
import org.openedx.suite.contracts.TrackingEvent.TrackingLogData;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.insights.statement.Fact.Facet;
import org.openedx.suite.insights.statement.Statement.Verb;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one mapping of Open edX tracking logs to xAPI 1.0.3 statements (after event-routing-backends' verbs), pure: the
 * same log always gives the same statement, id included (a UUID 5 over name, time, user and object), so a log
 * delivered twice is one statement. Names it does not know give nothing; a known name whose {@code data} is not a
 * JSON object or lacks a field the statement needs is poison, the field named.
 * <p>
 * {@code edx.certificate.revoked} has no mapping in event-routing-backends; it is Activity Streams'
 * {@code remove} of the certificate here, as is a deleted exam attempt. Nor have edx-proctoring's attempt logs: a
 * started attempt is ADL's {@code attempted}, a submitted one {@code completed}, a review TinCan's {@code reviewed}
 * with its success, an error {@code terminated}.
 */
public final class XapiStatements {

    public static final String VERSION = "1.0.3";
    static final String TRANSFORMER = "insights-service@1.0";

    static final Verb REGISTERED = new Verb("http://adlnet.gov/expapi/verbs/registered", "registered");
    static final Verb UNREGISTERED = new Verb("http://id.tincanapi.com/verb/unregistered", "unregistered");
    static final Verb EARNED = new Verb("http://id.tincanapi.com/verb/earned", "earned");
    static final Verb PASSED = new Verb("http://adlnet.gov/expapi/verbs/passed", "passed");
    static final Verb FAILED = new Verb("http://adlnet.gov/expapi/verbs/failed", "failed");
    static final Verb PROGRESSED = new Verb("http://adlnet.gov/expapi/verbs/progressed", "progressed");
    static final Verb ATTEMPTED = new Verb("http://adlnet.gov/expapi/verbs/attempted", "attempted");
    static final Verb COMPLETED = new Verb("http://adlnet.gov/expapi/verbs/completed", "completed");
    static final Verb REVIEWED = new Verb("http://id.tincanapi.com/verb/reviewed", "reviewed");
    static final Verb TERMINATED = new Verb("http://adlnet.gov/expapi/verbs/terminated", "terminated");
    static final Verb REMOVED = new Verb("http://activitystrea.ms/schema/1.0/remove", "removed");
    static final Verb UPDATED = new Verb("http://activitystrea.ms/schema/1.0/update", "updated");

    static final String COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";
    static final String MODULE_TYPE = "http://adlnet.gov/expapi/activities/module";
    static final String ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment";
    static final String CERTIFICATE_TYPE = "http://www.tincanapi.co.uk/activitytypes/certificate";

    static final String TRANSFORMER_VERSION = "https://w3id.org/xapi/openedx/extension/transformer-version";
    public static final String TRACKING_LOG = "https://w3id.org/xapi/openedx/extensions/tracking-log";
    static final String ENROLLMENT_MODE = "https://w3id.org/xapi/openedx/extensions/enrollment-mode";
    static final String PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress";

    /** The actor of a course published by someone the CMS's log does not name. */
    static final String CMS_ACTOR = "cms";

    private static final UUID STATEMENTS = NameBasedUuid.of(NameBasedUuid.URL_NAMESPACE,
            "https://openedx.org/insights/xapi/statement");
    private static final UUID REGISTRATIONS = NameBasedUuid.of(NameBasedUuid.URL_NAMESPACE,
            "https://openedx.org/insights/xapi/registration");

    private static final Pattern EXAM = Pattern.compile(
            "edx\\.special_exam\\.(proctored|timed|practice|onboarding)\\.attempt\\."
                    + "(started|submitted|verified|rejected|error|deleted)");
    private static final Pattern PROGRESS_NAME = Pattern.compile(
            "edx\\.completion_aggregator\\.progress\\.(course|chapter|sequential|vertical)");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String lmsRoot;
    private final AnonymousIds anonymousIds;

    /**
     * @param lmsRootUrl        the LMS's root URL: the actors' {@code homePage} and the base of activity ids
     * @param anonymousIdSecret the key of the learners' anonymous ids
     */
    public XapiStatements(String lmsRootUrl, String anonymousIdSecret) {
        this.lmsRoot = lmsRootUrl.endsWith("/") ? lmsRootUrl.substring(0, lmsRootUrl.length() - 1) : lmsRootUrl;
        this.anonymousIds = new AnonymousIds(anonymousIdSecret);
    }

    /** Whether insights makes a statement of logs with this name. */
    public static boolean knows(String trackingName) {
        return switch (trackingName) {
            case "edx.course.enrollment.activated", "edx.course.enrollment.deactivated",
                 "edx.course.enrollment.mode_changed", "edx.grades.subsection.grade_calculated",
                 "edx.course.grade.passed.first_time", "edx.course.grade.now_passed", "edx.course.grade.now_failed",
                 "edx.certificate.created", "edx.certificate.revoked", "edx.course.published" -> true;
            default -> EXAM.matcher(trackingName).matches() || PROGRESS_NAME.matcher(trackingName).matches();
        };
    }

    /**
     * The statement of a tracking log, stored at {@code stored}; empty for a name insights does not map.
     *
     * @throws PoisonMessageException when {@code data} is not a JSON object or lacks a field the statement needs
     */
    public Optional<Statement> transform(TrackingLogData log, Instant stored) {
        String name = log.name();
        if (!knows(name)) {
            return Optional.empty();
        }
        Log parsed = Log.parse(log);
        return Optional.of(switch (name) {
            case "edx.course.enrollment.activated" -> enrollment(parsed, REGISTERED, "active", stored);
            case "edx.course.enrollment.deactivated" -> enrollment(parsed, UNREGISTERED, "inactive", stored);
            case "edx.course.enrollment.mode_changed" -> enrollment(parsed, REGISTERED, null, stored);
            case "edx.grades.subsection.grade_calculated" -> subsectionGrade(parsed, stored);
            case "edx.course.grade.passed.first_time", "edx.course.grade.now_passed" -> passing(parsed, PASSED, stored);
            case "edx.course.grade.now_failed" -> passing(parsed, FAILED, stored);
            case "edx.certificate.created" -> certificate(parsed, EARNED, "awarded", stored);
            case "edx.certificate.revoked" -> certificate(parsed, REMOVED, "revoked", stored);
            case "edx.course.published" -> published(parsed, stored);
            default -> {
                Matcher exam = EXAM.matcher(name);
                yield exam.matches() ? exam(parsed, exam.group(1), exam.group(2), stored) : progress(parsed, stored);
            }
        });
    }

    private Statement enrollment(Log log, Verb verb, String status, Instant stored) {
        String mode = log.requiredText("mode");
        Map<String, JsonNode> extensions = Map.of(ENROLLMENT_MODE, NODES.stringNode(mode));
        return statement(log, verb, courseActivity(log.courseKey()), null, extensions, stored,
                new Fact(Facet.ENROLLMENT, "", status, mode, null, null));
    }

    private Statement subsectionGrade(Log log, Instant stored) {
        String block = log.block();
        BigDecimal earned = log.requiredNumber("weighted_total_earned");
        BigDecimal possible = log.requiredNumber("weighted_total_possible");
        ObjectNode score = NODES.objectNode().put("raw", earned).put("max", possible);
        if (possible.signum() > 0) {
            score.put("scaled", earned.divide(possible, MathContext.DECIMAL64).stripTrailingZeros());
        }
        ObjectNode result = NODES.objectNode();
        result.set("score", score);
        return statement(log, EARNED, activity(blockId(block), MODULE_TYPE), result, Map.of(), stored,
                new Fact(Facet.SUBSECTION_GRADE, block, "graded", null, earned, possible));
    }

    private Statement passing(Log log, Verb verb, Instant stored) {
        boolean passed = verb == PASSED;
        return statement(log, verb, courseActivity(log.courseKey()), NODES.objectNode().put("success", passed),
                Map.of(), stored, new Fact(Facet.PASSING, "", passed ? "passed" : "failed", null, null, null));
    }

    private Statement certificate(Log log, Verb verb, String status, Instant stored) {
        String certificateId = log.requiredText("certificate_id");
        String mode = log.optionalText("enrollment_mode");
        Map<String, JsonNode> extensions = mode == null ? Map.of() : Map.of(ENROLLMENT_MODE, NODES.stringNode(mode));
        return statement(log, verb, activity(lmsRoot + "/certificates/" + certificateId, CERTIFICATE_TYPE), null,
                extensions, stored, new Fact(Facet.CERTIFICATE, "", status, mode, null, null));
    }

    private Statement progress(Log log, Instant stored) {
        String block = log.block();
        BigDecimal percent = log.requiredNumber("percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.ONE) > 0) {
            throw log.poison("data.percent must be between 0 and 1, not " + percent.toPlainString());
        }
        ObjectNode result = NODES.objectNode();
        result.putObject("extensions").put(PROGRESS, percent.movePointRight(2).stripTrailingZeros());
        return statement(log, PROGRESSED, activity(blockId(block), MODULE_TYPE), result, Map.of(), stored,
                new Fact(Facet.COMPLETION, block, "progressed", null, percent, null));
    }

    private Statement exam(Log log, String examType, String outcome, Instant stored) {
        String block = log.block();
        Verb verb = switch (outcome) {
            case "started" -> ATTEMPTED;
            case "submitted" -> COMPLETED;
            case "verified", "rejected" -> REVIEWED;
            case "error" -> TERMINATED;
            default -> REMOVED;
        };
        ObjectNode result = switch (outcome) {
            case "verified" -> NODES.objectNode().put("success", true);
            case "rejected" -> NODES.objectNode().put("success", false);
            default -> null;
        };
        return statement(log, verb, activity(blockId(block), ASSESSMENT_TYPE), result, Map.of(), stored,
                new Fact(Facet.EXAM, block, outcome, examType, null, null));
    }

    private Statement published(Log log, Instant stored) {
        return statement(log, UPDATED, courseActivity(log.courseKey()), null, Map.of(), stored, null);
    }

    private Statement statement(Log log, Verb verb, ObjectNode object, ObjectNode result,
                                Map<String, JsonNode> extensions, Instant stored, Fact fact) {
        String objectId = object.get("id").asString();
        String timestamp = EventTimes.format(log.time());
        UUID id = NameBasedUuid.of(STATEMENTS, String.join("|", log.name(), timestamp,
                log.userId() == null ? "" : log.userId().toString(), objectId));
        String actorName = log.userId() == null ? CMS_ACTOR : anonymousIds.of(log.userId());
        UUID registration = log.userId() == null ? null
                : NameBasedUuid.of(REGISTRATIONS, log.userId() + "|" + log.courseKey());

        ObjectNode json = NODES.objectNode();
        json.put("id", id.toString());
        json.put("version", VERSION);
        ObjectNode actor = json.putObject("actor").put("objectType", "Agent");
        actor.putObject("account").put("homePage", lmsRoot).put("name", actorName);
        ObjectNode verbNode = json.putObject("verb").put("id", verb.id());
        verbNode.putObject("display").put("en-US", verb.display());
        json.set("object", object);
        if (result != null) {
            json.set("result", result);
        }
        ObjectNode context = json.putObject("context");
        if (registration != null) {
            context.put("registration", registration.toString());
        }
        ArrayNode parent = context.putObject("contextActivities").putArray("parent");
        parent.add(courseActivity(log.courseKey()));
        ObjectNode contextExtensions = context.putObject("extensions");
        contextExtensions.put(TRANSFORMER_VERSION, TRANSFORMER);
        contextExtensions.put(TRACKING_LOG, log.name());
        extensions.forEach(contextExtensions::set);
        json.put("timestamp", timestamp);
        json.put("stored", EventTimes.format(stored));
        return new Statement(id, log.courseKey(), actorName, verb, objectId, registration, log.name(), log.time(),
                stored, json, fact);
    }

    private ObjectNode courseActivity(String courseKey) {
        return activity(lmsRoot + "/course/" + courseKey, COURSE_TYPE);
    }

    private String blockId(String usageKey) {
        return lmsRoot + "/xblock/" + usageKey;
    }

    private static ObjectNode activity(String id, String type) {
        ObjectNode activity = NODES.objectNode().put("objectType", "Activity").put("id", id);
        activity.putObject("definition").put("type", type);
        return activity;
    }

    /** A tracking log with its {@code data} read, its time, learner and course checked. */
    private record Log(String name, Instant time, JsonNode data, Long userId, String courseKey) {

        static Log parse(TrackingLogData log) {
            Instant time;
            try {
                time = EventTimes.parse(log.timestamp());
            } catch (RuntimeException e) {
                throw new PoisonMessageException("tracking log " + log.name()
                        + ": timestamp is not an ISO-8601 time with offset: " + log.timestamp());
            }
            JsonNode data = object(log.name(), "data", log.data());
            object(log.name(), "context", log.context());
            Log partial = new Log(log.name(), time, data, null, null);
            Long userId = partial.userIdOf(!"edx.course.published".equals(log.name()));
            String courseKey = partial.requiredText("course_id");
            if (!OpenEdxKeys.isCourseKey(courseKey)) {
                throw partial.poison("data.course_id must be a course key (course-v1:ORG+NUMBER+RUN), not "
                        + courseKey);
            }
            return new Log(log.name(), time, data, userId, courseKey);
        }

        private static JsonNode object(String name, String field, String text) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                throw new PoisonMessageException("tracking log " + name + ": " + field + " is not JSON: "
                        + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new PoisonMessageException("tracking log " + name + ": " + field + " is not a JSON object");
            }
            return node;
        }

        private Long userIdOf(boolean required) {
            JsonNode value = data.get("user_id");
            if (value == null || value.isNull()) {
                if (required) {
                    throw poison("data.user_id is missing");
                }
                return null;
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
            if (value.isString() && value.stringValue().matches("\\d{1,18}")) {
                return Long.parseLong(value.stringValue());
            }
            throw poison("data.user_id must be a user id (a whole number), not " + value);
        }

        String block() {
            String block = requiredText("block_id");
            if (!OpenEdxKeys.isBlockOf(block, courseKey)) {
                throw poison("data.block_id must be a usage key of a block of " + courseKey + ", not " + block);
            }
            return block;
        }

        String requiredText(String field) {
            String value = optionalText(field);
            if (value == null || value.isBlank()) {
                throw poison("data." + field + " is missing");
            }
            return value;
        }

        String optionalText(String field) {
            JsonNode value = data.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString() && !value.isNumber()) {
                throw poison("data." + field + " must be a string, not " + value);
            }
            return value.asString();
        }

        BigDecimal requiredNumber(String field) {
            JsonNode value = data.get(field);
            if (value == null || value.isNull()) {
                throw poison("data." + field + " is missing");
            }
            if (!value.isNumber()) {
                throw poison("data." + field + " must be a number, not " + value);
            }
            return value.decimalValue();
        }

        PoisonMessageException poison(String message) {
            return new PoisonMessageException("tracking log " + name + ": " + message);
        }
    }
}
