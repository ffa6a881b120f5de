package org.openedx.suite.sandbox.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A request body read field by field, so that what is wrong is refused with the field's name: the sandbox records
 * every body it receives, including the ones it refuses, so it reads them as JSON trees rather than binding them.
 * A field is refused with 400 unless {@link #refusingWith} says otherwise (the badge providers answer 422), and a
 * field of a nested object ({@link #object}) is named by its path: {@code credential.recipient.email}.
 */
public final class JsonBody {

    /** Something, an {@code @}, something: the providers' check, not RFC 5322's. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final JsonNode object;
    private final String path;
    private final HttpStatus refusal;

    private JsonBody(JsonNode object, String path, HttpStatus refusal) {
        this.object = object;
        this.path = path;
        this.refusal = refusal;
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
        return new JsonBody(body, "", HttpStatus.BAD_REQUEST);
    }

    /**
     * A value that must be a JSON object, refused naming {@code name} (an element of an array: {@code [1]}); its
     * fields are named {@code name.<field>}.
     */
    public static JsonBody of(JsonNode value, String name) {
        if (!value.isObject()) {
            throw SandboxException.badRequest(name, "must be a JSON object");
        }
        return new JsonBody(value, name + ".", HttpStatus.BAD_REQUEST);
    }

    /** The same body, refusing a field with {@code status} (a body that is not a JSON object stays a 400). */
    public JsonBody refusingWith(HttpStatus status) {
        return new JsonBody(object, path, status);
    }

    /** A nested object that must be there; its fields are named {@code field.<name>}. */
    public JsonBody object(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw refuse(field, "is required");
        }
        if (!value.isObject()) {
            throw refuse(field, "must be a JSON object");
        }
        return new JsonBody(value, path + field + ".", refusal);
    }

    /** The refusal of a field of this body: its status, and the field named by its path. */
    public SandboxException refuse(String field, String message) {
        return SandboxException.of(refusal, path + field, message);
    }

    /** A string field that must be there and not blank. */
    public String text(String field) {
        return optionalText(field).orElseThrow(() -> refuse(field, "is required"));
    }

    /** A string field that may be absent or null, but not blank or of another type. */
    public Optional<String> optionalText(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw refuse(field, "must be a non-blank string");
        }
        return Optional.of(value.stringValue());
    }

    /** A string field that must be there and look like an email address. */
    public String email(String field) {
        String email = text(field);
        if (!EMAIL.matcher(email).matches()) {
            throw refuse(field, "must be an email address");
        }
        return email;
    }

    /** A date, {@code YYYY-MM-DD}, that must be there. */
    public LocalDate date(String field) {
        return optionalDate(field).orElseThrow(() -> refuse(field, "is required"));
    }

    /** A date, {@code YYYY-MM-DD}; absent or null gives empty. */
    public Optional<LocalDate> optionalDate(String field) {
        return optionalText(field).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw refuse(field, "must be a date, YYYY-MM-DD");
            }
        });
    }

    /** A number or a string, as text (a grade: {@code 0.87} or {@code "0.87"}); absent or null gives empty. */
    public Optional<String> optionalScalar(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() && !value.isString()) {
            throw refuse(field, "must be a number or a string");
        }
        return Optional.of(value.asString());
    }

    /** {@code true} or {@code false}; absent or null gives empty. */
    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw refuse(field, "must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** A whole number from {@code min} to {@code max} that must be there. */
    public int integer(String field, int min, int max) {
        return optionalInt(field, min, max).orElseThrow(() -> refuse(field, "is required"));
    }

    /** A whole number from {@code min} to {@code max}; absent or null gives empty. */
    public Optional<Integer> optionalInt(String field, int min, int max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw refuse(field, "must be a whole number from " + min + " to " + max);
        }
        return Optional.of(value.intValue());
    }

    public boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }
}
