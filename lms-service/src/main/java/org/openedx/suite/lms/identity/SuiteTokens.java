package org.openedx.suite.lms.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openedx.suite.lms.staff.CourseStaff;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.web.security.Roles;
import org.openedx.suite.web.security.TokenClaims;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * The claims of the suite's access tokens, for the clients the authorization server issues them to and for users:
 * Open edX's JWT where it has a claim ({@code preferred_username}, {@code email}, {@code administrator},
 * {@code scopes}, {@code user_id}, {@code version}, {@code filters}), and the suite's {@code roles}.
 */
@Component
public class SuiteTokens {

    /** The scopes Open edX gives a user's token. */
    private static final List<String> USER_SCOPES = List.of("read", "write", "email", "profile");

    private final IdentityProperties identity;
    private final JwtEncoder encoder;
    private final CourseStaff courseStaff;

    SuiteTokens(IdentityProperties identity, JwtEncoder encoder, CourseStaff courseStaff) {
        this.identity = identity;
        this.encoder = encoder;
        this.courseStaff = courseStaff;
    }

    /** The claims a client's token carries besides the standard ones, as the token endpoint issues it. */
    static Map<String, Object> clientClaims(String clientId, Set<String> roles, Set<String> scopes) {
        return Map.of(
                TokenClaims.PREFERRED_USERNAME, clientId,
                TokenClaims.ROLES, List.copyOf(roles),
                TokenClaims.ADMINISTRATOR, roles.contains(Roles.ADMIN),
                TokenClaims.SCOPES, List.copyOf(scopes),
                TokenClaims.FILTERS, List.of(),
                TokenClaims.CLAIMS_VERSION, TokenClaims.VERSION);
    }

    /**
     * A user's access token, signed with the key the token endpoint uses: a learner, and staff of the course runs
     * they are staff of now ({@code course_staff}).
     */
    public IssuedToken forUser(User user) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(identity.issuer())
                .subject(user.username())
                .audience(List.of(TokenClaims.AUDIENCE))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(identity.tokenLifetime()));
        userClaims(user).forEach(claims::claim);
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
        return new IssuedToken(value, "Bearer", identity.tokenLifetime().toSeconds());
    }

    /** The claims a user's token carries besides the standard ones, whichever way the user got it. */
    Map<String, Object> userClaims(User user) {
        List<String> staffOf = courseStaff.courseKeysOf(user);
        List<String> roles = staffOf.isEmpty() ? List.of(Roles.LEARNER) : List.of(Roles.LEARNER, Roles.STAFF);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.PREFERRED_USERNAME, user.username());
        claims.put(TokenClaims.EMAIL, user.email());
        claims.put(TokenClaims.NAME, user.name());
        claims.put(TokenClaims.USER_ID, user.id());
        claims.put(TokenClaims.ROLES, roles);
        claims.put(TokenClaims.COURSE_STAFF, staffOf);
        claims.put(TokenClaims.ADMINISTRATOR, false);
        claims.put(TokenClaims.SCOPES, USER_SCOPES);
        claims.put(TokenClaims.FILTERS, List.of("user:me"));
        claims.put(TokenClaims.CLAIMS_VERSION, TokenClaims.VERSION);
        return claims;
    }

    /** An access token as the token endpoint answers it (RFC 6749, section 5.1). */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }
}
