package org.openedx.suite.it.badinput;

import static org.openedx.suite.it.badinput.BadRequest.ANY_4XX;
import static org.openedx.suite.it.badinput.BadRequest.JSON;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.openedx.suite.it.support.Http;
import org.openedx.suite.runner.SuiteService;

/**
 * The malformed requests for one endpoint. A case that breaks one thing keeps everything else valid (a fresh key, an
 * existing learner), so a service that wrongly accepts it shows a 2xx and a write rather than an unrelated 404 or 409.
 */
final class Endpoint {

    private final SuiteService service;
    private final String name;
    private final String method;
    private final String path;
    private final List<BadRequest> cases = new ArrayList<>();
    private Supplier<Map<String, Object>> validBody;
    private Map<String, String> headers = Map.of();

    private Endpoint(SuiteService service, String method, String template, String path) {
        this.service = service;
        this.name = method + " " + template;
        this.method = method;
        this.path = path;
    }

    /**
     * @param template the path as the controller declares it
     * @param path     a concrete path to a resource the fixture created (or a query-less collection)
     */
    static Endpoint of(SuiteService service, String method, String template, String path) {
        return new Endpoint(service, method, template, path);
    }

    SuiteService service() {
        return service;
    }

    /** The method and the path as the controller declares it. */
    String name() {
        return name;
    }

    /** Whether actuator serves it beside the API, rather than a controller of the service's API. */
    boolean isActuator() {
        return name.startsWith(method + " /actuator/");
    }

    List<BadRequest> cases() {
        return List.copyOf(cases);
    }

    /**
     * The body a valid request would carry, fresh on each call, and its fields: adds every malformed variant of it
     * (wrong types, missing and null required fields, broken JSON, wrong content types).
     */
    Endpoint body(Supplier<Map<String, Object>> valid, Field... fields) {
        this.validBody = valid;
        for (Field field : fields) {
            fieldCases("", field);
        }
        wholeBodyCases(fields);
        return this;
    }

    /** The valid body with one change, sent to the endpoint's path. */
    Endpoint bodyCase(String label, UnaryOperator<Map<String, Object>> change, int status, String field) {
        return add(label, path, JSON, json(change.apply(validBody.get())), status, field);
    }

    /** The valid body with one field set to a value. */
    Endpoint set(String label, String fieldPath, Object value, int status, String field) {
        return bodyCase(label, body -> with(body, fieldPath, value), status, field);
    }

    /** The valid body (if the endpoint takes one) sent to another path. */
    Endpoint pathCase(String label, String otherPath, int status, String field) {
        return validBody == null ? add(label, otherPath, null, null, status, field)
                : add(label, otherPath, JSON, json(validBody.get()), status, field);
    }

    /** The endpoint's path with a query string. */
    Endpoint query(String label, String query, int status, String field) {
        return pathCase(label, path + "?" + query, status, field);
    }

    /**
     * Headers a valid request carries (an {@code Accept} the endpoint produces, a protocol version), sent with every
     * case added after this.
     */
    Endpoint headers(Map<String, String> valid) {
        this.headers = Map.copyOf(valid);
        return this;
    }

    /** The endpoint's path with these headers instead of the valid ones. */
    Endpoint headerCase(String label, Map<String, String> sent, int status, String field) {
        cases.add(new BadRequest(service, name, label, method, path, null, null, status, field, Map.copyOf(sent)));
        return this;
    }

    /** Anything at all. */
    Endpoint raw(String label, String method, String rawPath, String contentType, byte[] body, int status,
                 String field) {
        cases.add(new BadRequest(service, name, label, method, rawPath, contentType, body, status, field, headers));
        return this;
    }

    /**
     * A query parameter that takes a whole number from 0 to {@code max}, given as no number, a fraction, out of range,
     * empty or twice: 400 naming it.
     */
    Endpoint countsInQuery(String parameter, int max) {
        String is = parameter + "=";
        query(parameter + " is not a number", is + "many", 400, parameter);
        query(parameter + " is a fraction", is + "1.5", 400, parameter);
        query("negative " + parameter, is + "-1", 400, parameter);
        query(parameter + " " + (max + 1), is + (max + 1), 400, parameter);
        query(parameter + " beyond an int", is + "2147483648", 400, parameter);
        query("empty " + parameter, is, 400, parameter);
        return query(parameter + " given twice", is + "1&" + is + "2", 400, parameter);
    }

    /** Every malformed course key in the path, the rest of the request valid. */
    Endpoint courseKeysInPath(UnaryOperator<String> pathWith) {
        for (Keys.Segment key : Keys.badCourseKeysInPath()) {
            pathCase(key.label(), pathWith.apply(key.raw()), key.status(), key.namesField() ? "course_key" : null);
        }
        return this;
    }

    /** Usernames no learner has or can have in the path, the rest of the request valid. */
    Endpoint usernamesInPath(UnaryOperator<String> pathWith) {
        for (Keys.Segment username : Keys.badUsernamesInPath()) {
            pathCase(username.label(), pathWith.apply(username.raw()), username.status(), null);
        }
        return this;
    }

    /** Ids that are no number or name nothing in the path, the rest of the request valid. */
    Endpoint idsInPath(String field, UnaryOperator<String> pathWith) {
        for (Keys.Segment id : Keys.badIdsInPath()) {
            pathCase(id.label(), pathWith.apply(id.raw()), id.status(), id.namesField() ? field : null);
        }
        return this;
    }

    /** Every malformed course key in a body field, the rest of the body valid: 400 naming the field. */
    Endpoint courseKeysInBody(String fieldPath) {
        set(fieldPath + " with two parts", fieldPath, "course-v1:edX+Demo", 400, fieldPath);
        set(fieldPath + " with a space", fieldPath, "course-v1:edX+De mo+2026", 400, fieldPath);
        set(fieldPath + " is a usage key", fieldPath, "block-v1:edX+DemoX+2026+type@sequential+block@exam1", 400,
                fieldPath);
        set(fieldPath + " in upper case", fieldPath, "COURSE-V1:edX+DemoX+2026", 400, fieldPath);
        set(fieldPath + " slash-separated", fieldPath, "edX/DemoX/2026", 400, fieldPath);
        set(fieldPath + " with non-ASCII letters", fieldPath, "course-v1:édX+Ω+2026", 400, fieldPath);
        set(fieldPath + " is a path traversal", fieldPath, "../../etc/passwd", 400, fieldPath);
        set(fieldPath + " with a NUL character", fieldPath, "course-v1:edX+Demo\u0000X+2026", 400, fieldPath);
        set(fieldPath + " with a trailing newline", fieldPath, "course-v1:edX+DemoX+2026\n", 400, fieldPath);
        set(fieldPath + " with a SQL fragment", fieldPath, "course-v1:edX+DemoX+2026' OR '1'='1", 400, fieldPath);
        return this;
    }

    /** The path with a method the endpoint does not have. */
    Endpoint wrongMethod(String otherMethod) {
        return raw(otherMethod + " is not allowed", otherMethod, path, null, null, 405, null);
    }

    private Endpoint add(String label, String toPath, String contentType, byte[] body, int status, String field) {
        return raw(label, method, toPath, contentType, body, status, field);
    }

    private void fieldCases(String prefix, Field field) {
        String fieldPath = prefix + field.name();
        for (Field.Sample wrong : field.wrongTypes()) {
            set(fieldPath + " is " + wrong.name(), fieldPath, wrong.value(), 400, fieldPath);
        }
        if (field.required()) {
            bodyCase(fieldPath + " is missing", body -> without(body, fieldPath), 400, fieldPath);
            set(fieldPath + " is null", fieldPath, null, 400, fieldPath);
            if (!field.blankAllowed() && field.kind() != Field.Kind.OBJECT) {
                set(fieldPath + " is empty", fieldPath, "", 400, fieldPath);
                if (field.kind() == Field.Kind.TEXT) {
                    set(fieldPath + " is blank", fieldPath, "   ", 400, fieldPath);
                }
            }
        }
        if (field.kind() == Field.Kind.ENUM) {
            set(fieldPath + " is an unknown value", fieldPath, "no_such_value", 400, fieldPath);
        }
        if (field.kind() == Field.Kind.OBJECT) {
            for (Field child : field.children()) {
                fieldCases(fieldPath + ".", child);
            }
        }
    }

    private void wholeBodyCases(Field[] fields) {
        String valid = Http.toJson(validBody.get());
        String first = fields[0].name();
        text("broken JSON: unclosed object", "{\"" + first + "\": ");
        text("broken JSON: a name without a value", "{\"" + first + "\":}");
        text("broken JSON: single quotes", "{'" + first + "': 'x'}");
        text("broken JSON: unquoted name", "{" + first + ": 1}");
        text("broken JSON: trailing comma", valid.substring(0, valid.length() - 1) + ",}");
        text("broken JSON: garbage after the body", valid + " trailing");
        text("broken JSON: two bodies", valid + valid);
        text("broken JSON: NaN", "{\"" + first + "\": NaN}");
        add("empty body", path, JSON, new byte[0], 400, null);
        text("JSON null as the body", "null");
        text("a JSON array as the body", "[" + valid + "]");
        text("a JSON string as the body", "\"" + first + "\"");
        text("a JSON number as the body", "42");
        text("an XML body declared as JSON", "<" + first + ">x</" + first + ">");
        text("arrays nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        byte[] badUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        add("invalid UTF-8", path, JSON, badUtf8, 400, null);
        bodyCase("an unknown field", body -> with(body, "unexpected_field", 1), 400, "unexpected_field");
        for (Field field : fields) {
            if (field.name().contains("_")) {
                String camel = camelCase(field.name());
                bodyCase(field.name() + " spelled " + camel, body -> renamed(body, field.name(), camel), 400, camel);
                break;
            }
        }
        byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
        // Spring MVC reads a body it cannot convert as no body at all unless the method is POST, PUT or PATCH: a
        // DELETE gets 400 (body missing) where the others get 415
        int unsupported = method.equals("DELETE") ? ANY_4XX : 415;
        add("a JSON body declared as text/plain", path, "text/plain", validBytes, unsupported, null);
        add("a JSON body declared as application/xml", path, "application/xml", validBytes, unsupported, null);
        add("a JSON body declared as a form", path, "application/x-www-form-urlencoded", validBytes, unsupported,
                null);
        add("a JSON body declared as multipart", path, "multipart/form-data; boundary=xyz", validBytes, unsupported,
                null);
        add("a JSON body without a content type", path, null, validBytes, unsupported, null);
        add("a JSON body in an unknown charset", path, "application/json; charset=klingon", validBytes, ANY_4XX,
                null);
        add("a JSON body declared as an unparseable media type", path, "json", validBytes, ANY_4XX, null);
    }

    private void text(String label, String body) {
        add(label, path, JSON, body.getBytes(StandardCharsets.UTF_8), 400, null);
    }

    private static byte[] json(Map<String, Object> body) {
        return Http.toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    /** A deep copy of the body with the value at a dotted path replaced (null stays as an explicit JSON null). */
    static Map<String, Object> with(Map<String, Object> body, String fieldPath, Object value) {
        Map<String, Object> copy = deepCopy(body);
        String[] names = fieldPath.split("\\.");
        parentOf(copy, names).put(names[names.length - 1], value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String fieldPath) {
        Map<String, Object> copy = deepCopy(body);
        String[] names = fieldPath.split("\\.");
        parentOf(copy, names).remove(names[names.length - 1]);
        return copy;
    }

    private static Map<String, Object> renamed(Map<String, Object> body, String from, String to) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((name, value) -> copy.put(name.equals(from) ? to : name, value));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parentOf(Map<String, Object> body, String[] names) {
        Map<String, Object> parent = body;
        for (int i = 0; i < names.length - 1; i++) {
            parent = (Map<String, Object>) parent.get(names[i]);
        }
        return parent;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((name, value) -> copy.put(name,
                value instanceof Map<?, ?> map ? deepCopy((Map<String, Object>) map) : value));
        return copy;
    }

    private static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
