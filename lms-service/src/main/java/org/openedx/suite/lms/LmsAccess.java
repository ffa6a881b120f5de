package org.openedx.suite.lms;

import static org.openedx.suite.web.security.Access.allow;
import static org.openedx.suite.web.security.Access.anyCaller;
import static org.openedx.suite.web.security.Access.operatorOnly;
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
 * Who may do what in the LMS (ADR 7): a learner reads their own records and enrols and unenrols themselves; a course
 * run's staff enrol and unenrol its learners, read and change their grades, invalidate their certificates and set its
 * grading policy; clients read with {@code grades:read} or {@code certificates:read}; users, course staff and
 * webhooks are the operator's to manage; a run's staff also name its certificate provider and read its open response
 * submissions, which learners submit. The operator passes every rule; a request no rule names is the operator's
 * alone. The table in docs/access.md is this one.
 */
@Component
class LmsAccess implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(POST, "/api/users").access(operatorOnly())
                .requestMatchers(GET, "/api/users/{username}").access(allow(theLearner()))
                // the enrolment names its learner and course in the body: the learner themselves or the run's staff
                .requestMatchers(POST, "/api/enrollments").access(anyCaller())
                .requestMatchers(GET, "/api/enrollments/{course_key}/{username}")
                .access(allow(theLearner(), staffOfTheCourse()))
                .requestMatchers(DELETE, "/api/enrollments/{course_key}/{username}")
                .access(allow(theLearner(), staffOfTheCourse()))
                .requestMatchers(GET, "/api/certificates")
                .access(allow(theLearner(), scope(Scopes.CERTIFICATES_READ)))
                .requestMatchers(POST, "/api/certificates/{course_key}/{username}/invalidate")
                .access(allow(staffOfTheCourse()))
                .requestMatchers(GET, "/api/grades/{course_key}/{username}", "/api/credit/{course_key}/{username}",
                        "/api/completion/{course_key}/{username}")
                .access(allow(theLearner(), staffOfTheCourse(), scope(Scopes.GRADES_READ)))
                .requestMatchers(PUT, "/api/grades/{course_key}/{username}/subsections/{usage_key}")
                .access(allow(staffOfTheCourse()))
                .requestMatchers(GET, "/api/courses/{course_key}").access(anyCaller())
                .requestMatchers(PUT, "/api/courses/{course_key}/grading-policy").access(allow(staffOfTheCourse()))
                .requestMatchers(GET, "/api/courses/{course_key}/staff").access(allow(staffOfTheCourse()))
                .requestMatchers("/api/courses/{course_key}/certificate-provider").access(allow(staffOfTheCourse()))
                .requestMatchers(POST, "/api/courses/{course_key}/staff/{username}").access(operatorOnly())
                .requestMatchers(DELETE, "/api/courses/{course_key}/staff/{username}").access(operatorOnly())
                .requestMatchers(POST, "/api/dev/tokens").access(operatorOnly())
                .requestMatchers("/api/webhooks", "/api/webhooks/**").access(operatorOnly())
                .requestMatchers(GET, "/api/notifications").access(allow(theLearner()))
                .requestMatchers(GET, "/api/programs/certificates")
                .access(allow(theLearner(), scope(Scopes.CERTIFICATES_READ)))
                // the learner submits for themselves, staff for anyone; only staff read (checked in OraController)
                .requestMatchers(POST, "/api/ora/{usage_key}/submissions").access(anyCaller())
                .requestMatchers(GET, "/api/ora/{usage_key}/submissions").access(anyCaller())
                // no token: the plagiarism service proves itself by its signature (PlagiarismCallbackController)
                .requestMatchers(POST, "/api/ora/plagiarism-callbacks").permitAll();
    }
}
