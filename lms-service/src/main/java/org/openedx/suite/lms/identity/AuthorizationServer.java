package org.openedx.suite.lms.identity;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.security.Roles;
import org.openedx.suite.web.security.TokenClaims;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The LMS is the suite's OAuth2 authorization server, as Open edX's LMS is its OAuth2 provider (Spring Authorization
 * Server; ADR 7): tokens from {@code POST /oauth2/token}, its RS256 keys at {@code /oauth2/jwks}, its metadata at
 * {@code /.well-known/openid-configuration}. Its clients are the operator {@code suite-admin} (client credentials,
 * role {@code admin}), the integrations configured in {@code suite.identity.clients} (client credentials, their
 * scopes, no role), and the suite's pages {@code suite-web} (a browser: authorization code with PKCE, the user
 * signing in with their LMS password at {@code /login}). The LMS checks the tokens of its own REST API with its own keys, and with the issuer and
 * audience every other service checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class AuthorizationServer {

    static final String OPERATOR_CLIENT = "suite-admin";
    /** The public client of the suite's pages: authorization code with PKCE. */
    static final String WEB_CLIENT = "suite-web";
    /** A client's roles in the suite, a setting of its registration. */
    private static final String ROLES_SETTING = "suite.roles";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser that is not signed in is sent to the sign-in page, and back here after it
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
        return http.build();
    }

    /**
     * A page of the suite served elsewhere (insights' dashboard) exchanges its code from the browser. The pages that
     * may receive a code are the pages that may exchange it: the origins of the web redirect URIs, a loopback one on
     * any port (as its redirect URI matches any port). Ahead of the security filters, so that a preflight, which
     * carries no credentials, is answered before any filter chain asks for some.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> webPageOrigins(IdentityProperties identity) {
        CorsConfiguration cors = new CorsConfiguration();
        for (String uri : identity.webRedirectUris()) {
            URI redirect = URI.create(uri);
            boolean loopbackAnyPort = "127.0.0.1".equals(redirect.getHost()) && redirect.getPort() == -1;
            String origin = redirect.getScheme() + "://" + redirect.getHost()
                    + (loopbackAnyPort ? ":[*]" : redirect.getPort() == -1 ? "" : ":" + redirect.getPort());
            cors.addAllowedOriginPattern(origin);
        }
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.addAllowedHeader("*");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        FilterRegistrationBean<CorsFilter> filter = new FilterRegistrationBean<>(new CorsFilter(source));
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
        filter.addUrlPatterns("/oauth2/token", "/oauth2/jwks");
        return filter;
    }

    /** Requests that ask for a page: a browser's, not a script's that accepts anything. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /**
     * The sign-in page of the browser flow (authorization code with PKCE): an LMS user's username and password, in a
     * session of the LMS's own; nothing else of the LMS takes a session.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    /** Who may sign in: an active LMS user with a password; the token then names them as the dev path does. */
    @Bean
    UserDetailsService lmsUsers(Users users) {
        return username -> users.find(username)
                .filter(User::active)
                .flatMap(user -> user.passwordHash().map(hash -> org.springframework.security.core.userdetails.User
                        .withUsername(user.username()).password(hash).roles(Roles.LEARNER).build()))
                .orElseThrow(() -> new UsernameNotFoundException("no user who can sign in is called " + username));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
        return AuthorizationServerSettings.builder().issuer(identity.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties identity) {
        RegisteredClient operator = clientCredentials(OPERATOR_CLIENT, identity.adminClientSecret(),
                List.of(Roles.ADMIN), List.of(), identity)
                .clientName("The suite's operator")
                .build();
        // the browser's client: public (no secret), so the code must be bound to its verifier (PKCE)
        RegisteredClient web = RegisteredClient.withId(WEB_CLIENT)
                .clientId(WEB_CLIENT)
                .clientName("The suite's pages")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(identity.webRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.tokenLifetime()).build())
                .build();
        List<RegisteredClient> clients = new ArrayList<>(List.of(operator, web));
        for (IdentityProperties.Client client : identity.clients()) {
            clients.add(clientCredentials(client.clientId(), client.clientSecret(), List.of(), client.scopes(),
                    identity).build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** A client that authenticates with its secret (basic or post) and gets tokens for itself: client credentials. */
    private static RegisteredClient.Builder clientCredentials(String clientId, String secret, List<String> roles,
                                                              List<String> scopes, IdentityProperties identity) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(granted -> granted.addAll(scopes))
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.copyOf(roles)).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.tokenLifetime()).build());
    }

    /**
     * An access token gets the suite's audience and Open edX's claims: a signed-in user's those of the user (as
     * {@link SuiteTokens#forUser} gives them), a client's those of the client.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> suiteClaims(SuiteTokens tokens, Users users) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
                User user = users.require(context.getPrincipal().getName());
                context.getClaims()
                        .audience(List.of(TokenClaims.AUDIENCE))
                        .claims(claims -> claims.putAll(tokens.userClaims(user)));
                return;
            }
            if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            List<String> roles = client.getClientSettings().getSetting(ROLES_SETTING);
            // a client that asks for no scope in particular gets every scope it is registered with
            Set<String> scopes = context.getAuthorizedScopes().isEmpty() ? client.getScopes()
                    : context.getAuthorizedScopes();
            context.getClaims()
                    .audience(List.of(TokenClaims.AUDIENCE))
                    .claims(claims -> claims.putAll(SuiteTokens.clientClaims(client.getClientId(),
                            Set.copyOf(roles == null ? List.of() : roles),
                            new HashSet<>(scopes))));
        };
    }

    /**
     * The signing key: the one in {@code SUITE_SIGNING_KEY_FILE}, or one made when the LMS starts, in which case tokens
     * issued before a restart are refused after it and their holders ask for new ones.
     */
    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties identity) throws NoSuchAlgorithmException {
        if (identity.signingKeyFile() != null && !identity.signingKeyFile().isBlank()) {
            return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.read(Path.of(identity.signingKeyFile()))));
        }
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
