package org.openedx.suite.sandbox.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem+json answers. A refusal that blames a field names it in {@code detail} ({@code "kind: must be
 * one of ..."}) and in {@code errors}: {@code [{"field": "kind", "message": "must be one of ..."}]}, as the suite's
 * services do. A 401 says how to authenticate in {@code WWW-Authenticate}.
 */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<Object> of(SandboxException e) {
        if (e.field() == null) {
            return answer(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()), e.challenge());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.field() + ": " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return answer(problem, e.challenge());
    }

    public static ResponseEntity<Object> of(HttpStatusCode status, String detail) {
        return answer(ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, String challenge) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (challenge != null) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return answer.body(problem);
    }
}
