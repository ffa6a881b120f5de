package org.openedx.suite.insights;

import static org.openedx.suite.web.security.Access.allow;
import static org.openedx.suite.web.security.Access.anyCaller;
import static org.openedx.suite.web.security.Access.scope;
import static org.openedx.suite.web.security.Access.staffOfTheCourse;
import static org.springframework.http.HttpMethod.GET;

import org.openedx.suite.web.security.AccessRules;
import org.openedx.suite.web.security.Scopes;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may do what in insights (ADR 7): the dashboard page, its scripts and styles and the xAPI {@code about} are public
 * (the page signs its user in and calls the API with their token); a course's figures and live feed are its staff's
 * and {@code insights:read}'s; the list of courses is anyone's, filtered to what the caller may see; the statements
 * (the LRS API) are {@code insights:read}'s. The operator passes every rule; a request no rule names is the
 * operator's alone.
 */
@Component
class InsightsAccess implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(GET, "/", "/callback", "/webjars/**", "/dashboard/**", "/xapi/about").permitAll()
                // CourseController lists only the courses the caller may see
                .requestMatchers(GET, "/api/courses").access(anyCaller())
                .requestMatchers(GET, "/api/courses/{course_key}/**")
                .access(allow(staffOfTheCourse(), scope(Scopes.INSIGHTS_READ)))
                .requestMatchers(GET, "/xapi/statements").access(allow(scope(Scopes.INSIGHTS_READ)));
    }
}
