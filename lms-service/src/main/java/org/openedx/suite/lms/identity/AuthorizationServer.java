package org.openedx.suite.lms.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.openedx.suite.web.security.Roles;
import org.openedx.suite.web.security.TokenClaims;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The LMS is the suite's OAuth2 authorization server, as Open edX's LMS is its OAuth2 provider (Spring Authorization
 * Server; ADR 7): tokens from {@code POST /oauth2/token}, its RS256 keys at {@code /oauth2/jwks}, its metadata at
 * {@code /.well-known/openid-configuration}. Its clients are the operator {@code suite-admin} (client credentials,
 * role {@code admin}). The LMS checks the tokens of its own REST API with its own keys, and with the issuer and
 * audience every other service checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class AuthorizationServer {

    static final String OPERATOR_CLIENT = "suite-admin";
    /** A client's roles in the suite, a setting of its registration. */
    private static final String ROLES_SETTING = "suite.roles";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
        return AuthorizationServerSettings.builder().issuer(identity.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties identity) {
        RegisteredClient operator = RegisteredClient.withId(OPERATOR_CLIENT)
                .clientId(OPERATOR_CLIENT)
                .clientName("The suite's operator")
                .clientSecret(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                        .encode(identity.adminClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.of(Roles.ADMIN)).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.tokenLifetime()).build())
                .build();
        return new InMemoryRegisteredClientRepository(operator);
    }

    /** A client's access token gets the suite's audience and Open edX's claims. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> suiteClaims() {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    || !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            List<String> roles = client.getClientSettings().getSetting(ROLES_SETTING);
            context.getClaims()
                    .audience(List.of(TokenClaims.AUDIENCE))
                    .claims(claims -> claims.putAll(SuiteTokens.clientClaims(client.getClientId(),
                            Set.copyOf(roles == null ? List.of() : roles),
                            new HashSet<>(context.getAuthorizedScopes()))));
        };
    }

    /**
     * The signing key, made when the LMS starts: tokens issued before a restart are refused after it, and their
     * holders ask for new ones (a key kept across restarts is future work, see ADR 7).
     */
    @Bean
    JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> signingKeys) {
        return new NimbusJwtEncoder(signingKeys);
    }

    /** The LMS's own API takes the tokens it signed, for the suite's audience, from its issuer, still valid. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys, IdentityProperties identity) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(TokenClaims.AUDIENCE));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(identity.issuer()), audience));
        return decoder;
    }
}
