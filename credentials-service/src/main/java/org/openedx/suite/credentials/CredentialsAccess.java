package org.openedx.suite.credentials;

import static org.openedx.suite.web.security.Access.allow;
import static org.openedx.suite.web.security.Access.anyCaller;
import static org.openedx.suite.web.security.Access.scope;
import static org.openedx.suite.web.security.Access.staffOfTheCourse;
import static org.openedx.suite.web.security.Access.theLearner;
import static org.springframework.http.HttpMethod.GET;

import org.openedx.suite.web.security.AccessRules;
import org.openedx.suite.web.security.Scopes;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may do what in credentials (ADR 7): a learner reads their own credentials; a course run's staff read its
 * learners' credentials of that run; clients read with {@code credentials:read}. A credential read by its uuid names
 * its learner and course in the database, so that check is the service's. Programs are read by anyone and set up by
 * the operator; a learner's program certificates are theirs (and {@code credentials:read}'s) to read.
 * The operator passes every rule; a request no rule names is the operator's alone. The table in docs/access.md is
 * this one.
 */
@Component
class CredentialsAccess implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(GET, "/api/learners/{username}")
                .access(allow(theLearner(), scope(Scopes.CREDENTIALS_READ)))
                .requestMatchers(GET, "/api/credentials")
                .access(allow(theLearner(), staffOfTheCourse(), scope(Scopes.CREDENTIALS_READ)))
                .requestMatchers(GET, "/api/credentials/{uuid}").access(anyCaller())
                // programs are public knowledge, like the catalog; only the operator sets them up
                .requestMatchers(GET, "/api/programs", "/api/programs/{uuid}").access(anyCaller())
                .requestMatchers(GET, "/api/program-certificates", "/api/badges",
                        "/api/badge-templates/{uuid}/progress")
                .access(allow(theLearner(), scope(Scopes.CREDENTIALS_READ)))
                // a badge names its learner in the database: BadgeController checks
                .requestMatchers(GET, "/api/badges/{uuid}").access(anyCaller());
    }
}
