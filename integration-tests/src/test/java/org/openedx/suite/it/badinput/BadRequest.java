package org.openedx.suite.it.badinput;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.openedx.suite.runner.SuiteService;

/**
 * One malformed request and what a well-behaved service answers to it.
 *
 * @param endpoint       the endpoint as its controller declares it, e.g. {@code POST /api/courses}
 * @param label          what is wrong with the request; unique within the endpoint
 * @param path           the path and query exactly as sent (already percent-encoded where it should be)
 * @param contentType    the {@code Content-Type} header; null sends none
 * @param body           the raw body; null sends none
 * @param expectedStatus the 4xx the request deserves, or {@link #ANY_4XX} where several are right (a path that the
 *                       container normalises onto another endpoint, say)
 * @param field          the field a 400 must name (in {@code errors[].field} or {@code detail}); null when the request
 *                       is wrong as a whole
 * @param headers        headers sent besides the defaults, replacing a default of the same name (an {@code Accept})
 */
record BadRequest(SuiteService service, String endpoint, String label, String method, String path,
                  String contentType, byte[] body, int expectedStatus, String field, Map<String, String> headers) {

    static final int ANY_4XX = 0;
    static final String JSON = "application/json";

    /** The request as a reader of a failure wants it: method, path, content type and (the start of) the body. */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(path, 300));
        headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(value));
        if (contentType != null) {
            text.append("\n  Content-Type: ").append(contentType);
        }
        if (body != null) {
            text.append("\n  body: ").append(body.length == 0 ? "(empty)"
                    : abbreviate(new String(body, StandardCharsets.UTF_8), 400));
        }
        return text.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "... (" + text.length() + " characters)";
    }
}
