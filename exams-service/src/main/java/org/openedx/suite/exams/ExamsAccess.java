package org.openedx.suite.exams;

import static org.openedx.suite.web.security.Access.allow;
import static org.openedx.suite.web.security.Access.anyCaller;
import static org.openedx.suite.web.security.Access.scope;
import static org.openedx.suite.web.security.Access.staffOfTheCourse;
import static org.openedx.suite.web.security.Access.theLearner;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.openedx.suite.web.security.AccessRules;
import org.openedx.suite.web.security.Scopes;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may do what in exams (ADR 7): a learner starts and submits their own attempts and reads them; a course run's
 * staff create its exams, review, error and reset its attempts, and start one on a learner's behalf. An attempt's
 * learner and course are in the database, not the path, so those checks are the service's ({@code Attempts}).
 * The operator passes every rule; a request no rule names is the operator's alone. The table in docs/access.md is
 * this one.
 */
@Component
class ExamsAccess implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(POST, "/api/exams").access(anyCaller())
                .requestMatchers(GET, "/api/exams", "/api/exams/{exam_id}").access(anyCaller())
                .requestMatchers(POST, "/api/exams/{exam_id}/attempts").access(anyCaller())
                .requestMatchers(GET, "/api/attempts")
                .access(allow(theLearner(), staffOfTheCourse(), scope(Scopes.EXAMS_READ)))
                .requestMatchers(GET, "/api/attempts/{attempt_id}").access(anyCaller())
                .requestMatchers(PUT, "/api/attempts/{attempt_id}").access(anyCaller())
                .requestMatchers(DELETE, "/api/attempts/{attempt_id}").access(anyCaller());
    }
}
