package org.openedx.suite.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the status and, where one field is to blame, its name. Thrown from services
 * and controllers; rendered as problem+json. Throw it before changing anything, so a refused request changes nothing.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, null, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, null, message);
    }

    /** 400 naming the field, e.g. {@code badRequest("end", "must be after start")}. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
