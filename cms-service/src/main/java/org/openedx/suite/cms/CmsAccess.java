package org.openedx.suite.cms;

import static org.openedx.suite.web.security.Access.allow;
import static org.openedx.suite.web.security.Access.anyUserOrClient;
import static org.openedx.suite.web.security.Access.scope;
import static org.openedx.suite.web.security.Access.staffOfTheBlocksCourse;
import static org.openedx.suite.web.security.Access.staffOfTheCourse;
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
 * Who may do what in the CMS (ADR 7): a course run's staff edit and publish it, author its blocks, tag and search
 * them; creating a run and listing every draft are the operator's, or a client's with {@code catalog:write} /
 * {@code catalog:read}; anyone signed in may list the taxonomies, and only the operator creates them or reindexes.
 * The operator passes every rule; a request no rule names is the operator's alone. The table in docs/access.md is
 * this one.
 */
@Component
class CmsAccess implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(POST, "/api/courses").access(allow(scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(GET, "/api/courses").access(allow(scope(Scopes.CATALOG_READ)))
                .requestMatchers(GET, "/api/courses/{course_key}")
                .access(allow(staffOfTheCourse(), scope(Scopes.CATALOG_READ)))
                .requestMatchers(PUT, "/api/courses/{course_key}")
                .access(allow(staffOfTheCourse(), scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(POST, "/api/courses/{course_key}/publish")
                .access(allow(staffOfTheCourse(), scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(POST, "/api/courses/{course_key}/blocks")
                .access(allow(staffOfTheCourse(), scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(GET, "/api/courses/{course_key}/blocks", "/api/courses/{course_key}/search")
                .access(allow(staffOfTheCourse(), scope(Scopes.CATALOG_READ)))
                .requestMatchers(GET, "/api/blocks/{usage_key}", "/api/blocks/{usage_key}/tags")
                .access(allow(staffOfTheBlocksCourse(), scope(Scopes.CATALOG_READ)))
                .requestMatchers(PUT, "/api/blocks/{usage_key}")
                .access(allow(staffOfTheBlocksCourse(), scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(DELETE, "/api/blocks/{usage_key}", "/api/blocks/{usage_key}/tags/{taxonomy}/{value}")
                .access(allow(staffOfTheBlocksCourse(), scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(POST, "/api/blocks/{usage_key}/duplicate", "/api/blocks/{usage_key}/publish",
                        "/api/blocks/{usage_key}/tags")
                .access(allow(staffOfTheBlocksCourse(), scope(Scopes.CATALOG_WRITE)))
                .requestMatchers(GET, "/api/taxonomies").access(allow(anyUserOrClient()));
    }
}
