package org.openedx.suite.sandbox.web;

import org.springframework.http.HttpStatus;

/** A request the sandbox refuses: the status and, where one field is to blame, its snake_case name. */
public class SandboxException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    private SandboxException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** 400 naming the field, e.g. {@code badRequest("reference", "is required")}. */
    public static SandboxException badRequest(String field, String message) {
        return new SandboxException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static SandboxException notFound(String message) {
        return new SandboxException(HttpStatus.NOT_FOUND, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The field to blame; null when none is. */
    public String field() {
        return field;
    }
}
