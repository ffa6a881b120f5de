package org.openedx.suite.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a validated token speaks for: its {@code roles} as {@code ROLE_<role>}, an {@code administrator} as
 * {@code ROLE_admin} (Open edX's claim for staff users), its {@code scopes} as {@code SCOPE_<scope>}, and its
 * {@code preferred_username} (the client id for a service's token) as the name.
 */
final class SuiteAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        strings(jwt.getClaimAsStringList(TokenClaims.ROLES))
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        if (Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenClaims.ADMINISTRATOR))
                && !authorities.contains(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        }
        strings(jwt.getClaimAsStringList(TokenClaims.SCOPES))
                .forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        String name = jwt.getClaimAsString(TokenClaims.PREFERRED_USERNAME);
        return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
    }

    private static Collection<String> strings(List<String> claim) {
        return claim == null ? List.of() : claim;
    }
}
