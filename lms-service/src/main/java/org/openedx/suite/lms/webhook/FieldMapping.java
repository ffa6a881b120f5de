package org.openedx.suite.lms.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.openedx.suite.web.ApiException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A flat body for receivers that want one (Zapier and its kind): each field takes the value at a dotted path into the
 * CloudEvent, e.g. {@code {"course": "data.certificate.course.course_key", "event": "type"}}; a path that leads
 * nowhere gives null.
 */
record FieldMapping(Map<String, String> paths) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern PATH = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    /** @throws ApiException 400 naming {@code field_mapping.<field>} for a bad field name or path */
    static FieldMapping checked(Map<String, String> paths) {
        if (paths.isEmpty() || paths.size() > 50) {
            throw ApiException.badRequest("field_mapping", "must map 1 to 50 fields, or be left out");
        }
        paths.forEach((field, path) -> {
            if (!FIELD.matcher(field).matches()) {
                throw ApiException.badRequest("field_mapping." + field,
                        "is not a field name (letters, digits and _, at most 64)");
            }
            if (path == null || !PATH.matcher(path).matches()) {
                throw ApiException.badRequest("field_mapping." + field,
                        "must be a dotted path into the CloudEvent, e.g. data.certificate.course.course_key");
            }
        });
        return new FieldMapping(Map.copyOf(paths));
    }

    static FieldMapping parse(JsonMapper json, String stored) {
        return new FieldMapping(json.readValue(stored, MAP));
    }

    String toJson(JsonMapper json) {
        return json.writeValueAsString(new java.util.TreeMap<>(paths));
    }

    ObjectNode apply(JsonMapper json, JsonNode cloudEvent) {
        ObjectNode flat = json.createObjectNode();
        new java.util.TreeMap<>(paths).forEach((field, path) -> {
            JsonNode value = cloudEvent.at("/" + path.replace('.', '/'));
            flat.set(field, value.isMissingNode() ? json.getNodeFactory().nullNode() : value);
        });
        return flat;
    }
}
