package org.openedx.suite.lms.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LMS as the suite's OAuth2 authorization server.
 *
 * @param issuer            the {@code iss} of every token, the URL the other services reach the LMS at
 * @param adminClientSecret the secret of the operator client {@code suite-admin} ({@code SUITE_ADMIN_CLIENT_SECRET});
 *                          required, there is no built-in default
 * @param tokenLifetime     how long an access token is valid
 * @param devTokens         whether {@code POST /api/dev/tokens} gives any user's token without a password
 *                          ({@code SUITE_DEV_TOKENS}); for the local run and scripts only
 */
@ConfigurationProperties("suite.identity")
record IdentityProperties(String issuer, String adminClientSecret,
                          @DefaultValue("15m") Duration tokenLifetime, boolean devTokens) {

    IdentityProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("suite.identity.issuer (SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER)"
                    + " is not set: the LMS needs the URL the other services reach it at to sign tokens");
        }
        if (adminClientSecret == null || adminClientSecret.isBlank()) {
            throw new IllegalStateException("SUITE_ADMIN_CLIENT_SECRET is not set: the LMS has no built-in secret for"
                    + " the operator client suite-admin; set it to a secret of your own");
        }
    }
}
