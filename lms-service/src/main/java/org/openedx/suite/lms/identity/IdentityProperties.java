package org.openedx.suite.lms.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
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
 * @param signingKeyFile    a JSON Web Key (RSA, with its private part) the LMS signs tokens with, so that tokens
 *                          outlive a restart and several LMS instances sign alike ({@code SUITE_SIGNING_KEY_FILE});
 *                          unset, the LMS makes a new key at each start
 * @param clients           further clients of the authorization server: integrations with narrow scopes
 *                          ({@code Scopes}), client credentials, no role
 * @param webRedirectUris   where the browser client {@code suite-web} may send a signed-in user back with the code
 *                          (authorization code with PKCE); {@code http://127.0.0.1/...} allows any port (RFC 8252)
 */
@ConfigurationProperties("suite.identity")
record IdentityProperties(String issuer, String adminClientSecret,
                          @DefaultValue("15m") Duration tokenLifetime, boolean devTokens,
                          @Nullable String signingKeyFile, @DefaultValue List<Client> clients,
                          @DefaultValue("http://127.0.0.1/callback") List<String> webRedirectUris) {

    /** An integration's registration, e.g. a reporting tool with {@code credentials:read}. */
    record Client(String clientId, String clientSecret, @DefaultValue List<String> scopes) {

        Client {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalStateException("suite.identity.clients: every client needs a client-id and a "
                        + "client-secret of its own");
            }
        }
    }

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
