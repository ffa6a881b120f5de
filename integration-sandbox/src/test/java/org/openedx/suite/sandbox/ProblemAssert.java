package org.openedx.suite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.openedx.suite.sandbox.SandboxClient.Answer;

/** Refusals are RFC 9457 problem+json naming the field to blame, in {@code detail} and in {@code errors}. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static void assertProblem(Answer answer, int status, String field) {
        assertProblem(answer, status);
        assertThat(answer.json().get("detail").stringValue()).as("detail of %s", answer).startsWith(field + ": ");
        assertThat(answer.json().get("errors").get(0).get("field").stringValue()).as("errors of %s", answer)
                .isEqualTo(field);
    }

    /** A refusal that blames no one field (404, 401, a fault's status, ...). */
    public static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).isEqualTo("application/problem+json");
        assertThat(answer.json().get("status").intValue()).as("status in %s", answer).isEqualTo(status);
    }
}
