package org.openedx.suite.sandbox.lrs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openedx.suite.sandbox.web.JsonBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An xAPI statement as sent, with its id set: a JSON object with {@code actor}, {@code verb} (with its {@code id})
 * and {@code object}. The stand-in checks no more of its shape than that.
 */
record SentStatement(UUID id, ObjectNode statement) {

    /** What the LRS sets (or may): two statements that differ only there are the same statement. */
    private static final List<String> SET_BY_THE_LRS = List.of("stored", "authority", "version");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /**
     * Reads a statement, refusing it naming the first field that is missing or wrong.
     *
     * @param name      null for the body itself, {@code [i]} for the i-th statement of an array
     * @param requiredId the id it must have (a PUT's {@code statementId}); null: its own {@code id}, else a new one
     */
    static SentStatement of(JsonNode value, String name, UUID requiredId) {
        JsonBody body = name == null ? JsonBody.of(value) : JsonBody.of(value, name);
        Optional<UUID> own = body.optionalText("id")
                .map(text -> uuid(text).orElseThrow(() -> body.refuse("id", "must be a UUID")));
        if (requiredId != null && own.isPresent() && !own.get().equals(requiredId)) {
            throw body.refuse("id", "must be the statementId, " + requiredId);
        }
        body.object("actor");
        body.object("verb").text("id");
        body.object("object");
        UUID id = requiredId != null ? requiredId : own.orElseGet(UUID::randomUUID);
        ObjectNode statement = ((ObjectNode) value).deepCopy();
        statement.put("id", id.toString());
        return new SentStatement(id, statement);
    }

    /** A UUID in its usual form, 8-4-4-4-12 hex digits ({@link UUID#fromString} takes shorter ones too). */
    static Optional<UUID> uuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text))
                : Optional.empty();
    }

    /** Whether this is {@code other} but for what the LRS sets. */
    boolean sameAs(SentStatement other) {
        return comparable(statement).equals(comparable(other.statement));
    }

    String verbId() {
        return statement.get("verb").get("id").stringValue();
    }

    private static ObjectNode comparable(ObjectNode statement) {
        ObjectNode copy = statement.deepCopy();
        SET_BY_THE_LRS.forEach(copy::remove);
        return copy;
    }
}
