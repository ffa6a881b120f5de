package org.openedx.suite.web.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rules of a service's request table ({@link AccessRules}), read from the path as the matcher parsed it: the
 * learner named by {@code {username}} (or a {@code username} query parameter), the staff of the course run
 * {@code {course_key}} (or a {@code course_key} parameter), a client with a scope, any user. The operator passes
 * every rule. A rule that needs what only the request's body or the database knows is checked in the service with
 * {@link Caller#require}, behind {@link #anyCaller()}.
 * <pre>
 * requests.requestMatchers(GET, "/api/grades/{course_key}/{username}")
 *         .access(Access.allow(theLearner(), staffOfTheCourse(), scope("grades:read")));
 * </pre>
 */
public final class Access {

    /** One way a caller may pass. */
    @FunctionalInterface
    public interface Rule {
        boolean allows(Caller caller, RequestAuthorizationContext request);
    }

    private Access() {
    }

    /** Passes the operator and every caller one of the rules allows. */
    public static AuthorizationManager<RequestAuthorizationContext> allow(Rule... rules) {
        List<Rule> any = List.of(rules);
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                                 RequestAuthorizationContext request) {
                if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
                    return new AuthorizationDecision(false);
                }
                Caller caller = Caller.of(token);
                return new AuthorizationDecision(caller.isAdmin()
                        || any.stream().anyMatch(rule -> rule.allows(caller, request)));
            }
        };
    }

    /** Only the operator. */
    public static AuthorizationManager<RequestAuthorizationContext> operatorOnly() {
        return allow();
    }

    /** Every caller with a valid token; the service decides the rest with {@link Caller#require}. */
    public static AuthorizationManager<RequestAuthorizationContext> anyCaller() {
        return allow(anyUserOrClient());
    }

    /** Any user or client with a valid token. */
    public static Rule anyUserOrClient() {
        return (caller, request) -> true;
    }

    /** The user the request is about ({@code {username}} or {@code ?username=}), acting on their own records. */
    public static Rule theLearner() {
        return (caller, request) -> caller.is(variable(request, "username"));
    }

    /** Staff of the course run the request is about ({@code {course_key}} or {@code ?course_key=}). */
    public static Rule staffOfTheCourse() {
        return (caller, request) -> caller.isStaffOf(variable(request, "course_key"));
    }

    /** Staff of the course run whose block {@code {usage_key}} names (a key that is not a usage key passes no one). */
    public static Rule staffOfTheBlocksCourse() {
        return (caller, request) -> {
            String usageKey = variable(request, "usage_key");
            return org.openedx.suite.contracts.OpenEdxKeys.isUsageKey(usageKey)
                    && caller.isStaffOf(org.openedx.suite.contracts.OpenEdxKeys.courseRunOf(usageKey));
        };
    }

    /** A client (or user) granted that scope, e.g. an integration reading credentials. */
    public static Rule scope(String scope) {
        return (caller, request) -> caller.hasScope(scope);
    }

    private static String variable(RequestAuthorizationContext request, String name) {
        String value = request.getVariables().get(name);
        return value != null ? value : request.getRequest().getParameter(name);
    }
}
