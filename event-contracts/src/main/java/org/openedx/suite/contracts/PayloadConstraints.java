package org.openedx.suite.contracts;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * What the payload records' Bean Validation annotations say about a payload, in the words of the wire: each broken
 * constraint as its snake_case path and message, e.g. {@code catalog_info.course_key must be a course key ...}.
 * The records' constructors already refuse what the Avro contract marks non-null; these constraints add what every
 * consumer needs beyond the schema (key grammar, non-empty names).
 */
public final class PayloadConstraints {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private PayloadConstraints() {
    }

    /** The payload's broken constraints, sorted by path; empty when it keeps them all. */
    public static List<String> violations(Validator validator, Object payload) {
        return validator.validate(payload).stream()
                .map(PayloadConstraints::describe)
                .distinct()
                .sorted()
                .toList();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = CAMEL_HUMP.matcher(violation.getPropertyPath().toString()).replaceAll("$1_$2").toLowerCase();
        return path + " " + violation.getMessage();
    }
}
