package org.openedx.suite.sandbox.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The sandbox's own refusals as problem+json; what Spring MVC refuses itself (unknown path, wrong method or media
 * type) Boot's problem details handler answers ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
class ProblemAdvice {

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<Object> refused(SandboxException e) {
        return Problems.of(e);
    }
}
