package org.openedx.suite.sandbox.web;

import org.springframework.http.HttpStatus;

/**
 * A request the sandbox refuses: the status and, where one field is to blame, its snake_case name (a nested one as
 * its path, {@code credential.recipient.email}).
 */
public class SandboxException extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String challenge;

    private SandboxException(HttpStatus status, String field, String message, String challenge) {
        super(message);
        this.status = status;
        this.field = field;
        this.challenge = challenge;
    }

    /** {@code status} naming the field, e.g. {@code of(UNPROCESSABLE_ENTITY, "recipient_email", "is required")}. */
    public static SandboxException of(HttpStatus status, String field, String message) {
        return new SandboxException(status, field, message, null);
    }

    /** 400 naming the field, e.g. {@code badRequest("reference", "is required")}. */
    public static SandboxException badRequest(String field, String message) {
        return of(HttpStatus.BAD_REQUEST, field, message);
    }

    /** 422 blaming no one field: a body that is well formed but cannot be done, e.g. a badge the user has. */
    public static SandboxException unprocessable(String message) {
        return of(HttpStatus.UNPROCESSABLE_ENTITY, null, message);
    }

    /** 401, with the {@code WWW-Authenticate} challenge saying how to authenticate. */
    public static SandboxException unauthorized(String challenge, String message) {
        return new SandboxException(HttpStatus.UNAUTHORIZED, null, message, challenge);
    }

    /** 409 blaming no one field: the request contradicts what the stand-in holds, e.g. a statement id taken. */
    public static SandboxException conflict(String message) {
        return of(HttpStatus.CONFLICT, null, message);
    }

    public static SandboxException notFound(String message) {
        return of(HttpStatus.NOT_FOUND, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The field to blame; null when none is. */
    public String field() {
        return field;
    }

    /** The {@code WWW-Authenticate} value of a 401; null otherwise. */
    public String challenge() {
        return challenge;
    }
}
