package org.openedx.suite.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The token issuer of a test JVM, for the tests of one service alone, where the LMS that issues the suite's tokens
 * does not run: a real HTTP server publishing its issuer metadata and its RS256 key set as the LMS does
 * ({@code /.well-known/openid-configuration}, {@code /oauth2/jwks}), and tokens with the LMS's claims signed by that
 * key. The service under test checks them with its own, unchanged resource-server configuration
 * ({@link RealInfrastructure} points it here). The LMS's own issuing is tested against the LMS, and the suite's
 * cross-service tests use only the LMS's tokens.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "openedx-suite";
    /** The secret of the LMS's operator client {@code suite-admin} in tests. */
    public static final String OPERATOR_SECRET = "test-operator-secret";

    private static TestIssuer running;

    private final HttpServer server;
    private final RSAKey key;
    private final String uri;

    private TestIssuer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        uri = "http://127.0.0.1:" + server.getAddress().getPort();
        String metadata = "{\"issuer\":\"" + uri + "\",\"jwks_uri\":\"" + uri + "/oauth2/jwks\","
                + "\"token_endpoint\":\"" + uri + "/oauth2/token\",\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"response_types_supported\":[\"code\"]}";
        String keys = new JWKSet(key.toPublicJWK()).toString();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, metadata));
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, keys));
        server.start();
    }

    private static synchronized TestIssuer running() {
        if (running == null) {
            try {
                running = new TestIssuer();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException("the test token issuer did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> running.server.stop(0), "test-issuer-stop"));
        }
        return running;
    }

    /** The issuer URI a service under test trusts. */
    public static String uri() {
        return running().uri;
    }

    /** The operator's token, as the LMS issues it to the client {@code suite-admin}. */
    public static String operatorToken() {
        return token(operator().build(), running().key);
    }

    /** A learner's token, as the LMS issues it to that user. */
    public static String learnerToken(long userId, String username) {
        return token(user(userId, username).claim("roles", List.of("learner")).build(), running().key);
    }

    /** The token of a user who is staff of those course runs, as the LMS issues it. */
    public static String staffToken(long userId, String username, String... courseKeys) {
        return token(user(userId, username).claim("roles", List.of("learner", "staff"))
                .claim("course_staff", List.of(courseKeys)).build(), running().key);
    }

    /** The token of a client of the LMS's authorization server granted those scopes and no role. */
    public static String clientToken(String clientId, String... scopes) {
        return token(claims(clientId)
                .claim("preferred_username", clientId)
                .claim("roles", List.of())
                .claim("administrator", false)
                .claim("scopes", List.of(scopes))
                .build(), running().key);
    }

    private static JWTClaimsSet.Builder user(long userId, String username) {
        return claims(username)
                .claim("preferred_username", username)
                .claim("email", username + "@example.com")
                .claim("name", "User " + username)
                .claim("user_id", userId)
                .claim("administrator", false)
                .claim("course_staff", List.of())
                .claim("scopes", List.of("read", "write", "email", "profile"));
    }

    /** The operator's token, expired an hour ago. */
    public static String expiredOperatorToken() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return token(operator().issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1)))).build(), running().key);
    }

    /** The operator's token for an audience other than the suite's. */
    public static String operatorTokenFor(String audience) {
        return token(operator().audience(audience).build(), running().key);
    }

    /** The operator's claims, signed by a key the issuer does not publish. */
    public static String operatorTokenSignedByAnotherKey() {
        try {
            return token(operator().build(), new RSAKeyGenerator(2048).keyID(running().key.getKeyID()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder operator() {
        return claims("suite-admin")
                .claim("preferred_username", "suite-admin")
                .claim("roles", List.of("admin"))
                .claim("administrator", true)
                .claim("scopes", List.of());
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(running().uri)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("filters", List.of())
                .claim("version", "1.2.0");
    }

    private static String token(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
