package org.openedx.suite.discovery;

import static org.openedx.suite.web.security.Access.anyCaller;
import static org.springframework.http.HttpMethod.GET;

import org.openedx.suite.web.security.AccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may do what in discovery (ADR 7): the published catalog is every caller's to read.
 * The operator passes every rule; a request no rule names is the operator's alone. The table in docs/access.md is
 * this one.
 */
@Component
class DiscoveryAccess implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(GET, "/api/course-runs", "/api/course-runs/{course_key}",
                "/api/course-runs/{course_key}/history").access(anyCaller());
    }
}
