package org.openedx.suite.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openedx.suite.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a request speaks for, as its validated token says: a user of the LMS (with a {@code user_id}) or a client of
 * its authorization server (the operator, an integration), with their roles, the course runs they are staff of and
 * their scopes. A controller declares a {@code Caller} parameter to get it; {@link Access} decides with it for the
 * rules a request's path can decide.
 *
 * @param username    the token's {@code preferred_username}: a user's username or a client's id
 * @param userId      the LMS's id of the user, {@code null} for a client's token
 * @param email       the user's email, {@code null} for a client
 * @param name        the user's full name, empty if the token has none
 * @param roles       {@code learner}, {@code staff}, {@code admin} ({@link Roles})
 * @param courseStaff the course keys of the runs the user is staff of
 * @param scopes      what a client may read or write beyond its roles, e.g. {@code credentials:read}
 */
public record Caller(String username, Long userId, String email, String name, Set<String> roles,
                     Set<String> courseStaff, Set<String> scopes) {

    /** The caller of a request that passed the resource server's token checks. */
    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("not a request authenticated by a token: " + authentication);
        }
        Jwt jwt = token.getToken();
        Number userId = jwt.getClaim(TokenClaims.USER_ID);
        String name = jwt.getClaimAsString(TokenClaims.NAME);
        // roles and scopes as SuiteAuthentication granted them (administrator included), not read again
        return new Caller(token.getName(), userId == null ? null : userId.longValue(),
                jwt.getClaimAsString(TokenClaims.EMAIL), name == null ? "" : name, granted(token, "ROLE_"),
                Set.copyOf(strings(jwt.getClaimAsStringList(TokenClaims.COURSE_STAFF))), granted(token, "SCOPE_"));
    }

    private static Set<String> granted(JwtAuthenticationToken token, String prefix) {
        return token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(prefix))
                .map(authority -> authority.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** A user of the LMS, not a client: the subject of the events the request causes. */
    public boolean isUser() {
        return userId != null;
    }

    /** The user of that username, acting on their own records. */
    public boolean is(String username) {
        return isUser() && this.username.equals(username);
    }

    /** Staff of that course run, or the operator, who may act in every course. */
    public boolean isStaffOf(String courseKey) {
        return isAdmin() || (courseKey != null && courseStaff.contains(courseKey));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /**
     * Refuses the request with 403 problem+json unless {@code allowed}; {@code what} completes "the token's subject
     * may not ...". Call it before changing anything, like every refusal.
     */
    public void require(boolean allowed, String what) {
        if (!allowed) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, username + " may not " + what);
        }
    }

    private static Collection<String> strings(List<String> claim) {
        return claim == null ? List.of() : claim;
    }
}
