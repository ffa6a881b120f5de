package org.openedx.suite.sandbox.web;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A request body read field by field, so that what is wrong is refused with the field's name: the sandbox records
 * every body it receives, including the ones it refuses, so it reads them as JSON trees rather than binding them.
 */
public final class JsonBody {

    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /** The body as JSON; empty when it is missing or not JSON. */
    public static Optional<JsonNode> parse(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code body}, which must be a JSON object. */
    public static JsonBody of(ObjectMapper json, byte[] body) {
        return of(parse(json, body).orElseThrow(() -> SandboxException.badRequest("body", "must be a JSON object")));
    }

    public static JsonBody of(JsonNode body) {
        if (!body.isObject()) {
            throw SandboxException.badRequest("body", "must be a JSON object");
        }
        return new JsonBody(body);
    }

    /** A string field that must be there and not blank. */
    public String text(String field) {
        return optionalText(field).orElseThrow(() -> SandboxException.badRequest(field, "is required"));
    }

    /** A string field that may be absent or null, but not blank or of another type. */
    public Optional<String> optionalText(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw SandboxException.badRequest(field, "must be a non-blank string");
        }
        return Optional.of(value.stringValue());
    }

    /** A number or a string, as text (a grade: {@code 0.87} or {@code "0.87"}); absent or null gives empty. */
    public Optional<String> optionalScalar(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() && !value.isString()) {
            throw SandboxException.badRequest(field, "must be a number or a string");
        }
        return Optional.of(value.asString());
    }

    /** A whole number from {@code min} to {@code max}; absent or null gives empty. */
    public Optional<Integer> optionalInt(String field, int min, int max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw SandboxException.badRequest(field, "must be a whole number from " + min + " to " + max);
        }
        return Optional.of(value.intValue());
    }

    public boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }
}
