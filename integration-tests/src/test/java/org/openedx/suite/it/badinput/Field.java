package org.openedx.suite.it.badinput;

import java.util.List;
import java.util.Map;

/**
 * A field of a JSON request body, as much as the malformed variants of a body need to know about it.
 *
 * @param blankAllowed whether {@code ""} is a valid value (only for text)
 */
record Field(String name, Kind kind, boolean required, boolean blankAllowed, List<Field> children) {

    /** What the field holds, which decides what counts as the wrong type for it. */
    enum Kind { TEXT, DATETIME, ENUM, INTEGER, DECIMAL, BOOLEAN, OBJECT, LIST }

    static Field required(String name, Kind kind) {
        return new Field(name, kind, true, false, List.of());
    }

    static Field optional(String name, Kind kind) {
        return new Field(name, kind, false, true, List.of());
    }

    static Field object(String name, Field... children) {
        return new Field(name, Kind.OBJECT, true, false, List.of(children));
    }

    Field mayBeBlank() {
        return new Field(name, kind, required, true, children);
    }

    /** Values of another JSON type than the field's, each with a name for the test. */
    List<Sample> wrongTypes() {
        Sample number = new Sample("a number", 42);
        Sample fraction = new Sample("a fraction", 1.5);
        Sample bool = new Sample("a boolean", true);
        Sample object = new Sample("an object", Map.of("value", 1));
        Sample array = new Sample("an array", List.of("a", "b"));
        Sample text = new Sample("a string", "12");
        return switch (kind) {
            case TEXT -> List.of(number, bool, object, array);
            case DATETIME -> List.of(new Sample("epoch seconds", 1_788_220_800), bool, object, array,
                    new Sample("not a date", "next tuesday"),
                    new Sample("a date without time", "2026-09-01"),
                    new Sample("a datetime without offset", "2026-09-01T00:00:00"),
                    new Sample("the 30th of February", "2026-02-30T00:00:00Z"));
            case ENUM -> List.of(number, bool, object, array);
            case INTEGER -> List.of(text, fraction, bool, object, array);
            case DECIMAL -> List.of(text, bool, object, array);
            case BOOLEAN -> List.of(new Sample("a string", "true"), new Sample("the number 1", 1), object, array);
            case OBJECT -> List.of(new Sample("a string", "someone"), number, bool, new Sample("an array",
                    List.of(Map.of("id", 1))));
            case LIST -> List.of(new Sample("a string", "one"), number, bool, object);
        };
    }

    /** A named JSON value. */
    record Sample(String name, Object value) {
    }
}
