package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.openedx.suite.lms.identity.SuiteTokens;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.testsupport.DefaultToken;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The LMS as the suite's OAuth2 authorization server (ADR 7): the operator's token from the token endpoint, signed
 * with a key published at the JWKS endpoint, carrying Open edX's claims; and the LMS's own operator endpoints taking
 * only the tokens it signed, for the suite's audience.
 */
@LmsServiceTest
class IdentityTest {

    private final Lms lms;
    private final SuiteTokens tokens;
    private final Users users;

    IdentityTest(Lms lms, SuiteTokens tokens, Users users) {
        this.lms = lms;
        this.tokens = tokens;
        this.users = users;
    }

    @Test
    void the_operator_gets_a_token_signed_with_a_published_key_and_carrying_open_edx_claims() throws Exception {
        JsonNode answer = Lms.json(lms.clientToken("suite-admin", TestIssuer.OPERATOR_SECRET)
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
        assertThat(answer.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.get("expires_in").asLong()).isBetween(60L, 900L);

        SignedJWT jwt = SignedJWT.parse(answer.get("access_token").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JsonNode metadata = Lms.json(lms.http.get().uri("/.well-known/openid-configuration").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
        JWKSet keys = JWKSet.load(URI.create(metadata.get("jwks_uri").asString()
                .replace("http://localhost:18000", lms.baseUrl())).toURL());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the signing key is published at the JWKS endpoint").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(metadata.get("issuer").asString());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("openedx-suite");
        assertThat(claims).containsEntry("preferred_username", "suite-admin")
                .containsEntry("administrator", true)
                .containsEntry("roles", List.of("admin"))
                .containsEntry("filters", List.of())
                .containsEntry("version", "1.2.0")
                .containsKey("scopes");
    }

    @Test
    void a_wrong_secret_or_an_unknown_client_gets_no_token() {
        lms.clientToken("suite-admin", "not-the-secret").expectStatus().isUnauthorized();
        lms.clientToken("someone", TestIssuer.OPERATOR_SECRET).expectStatus().isUnauthorized();
    }

    @Test
    void only_the_operator_reads_dead_letters_and_health_details() {
        Lms.Learner ada = lms.newLearner();
        String learner = "Bearer " + tokens.forUser(users.require(ada.username())).accessToken();

        refused(null, 401);
        refused("Bearer " + TestIssuer.operatorToken(), 401);   // signed by a key the LMS does not hold
        refused("Bearer not-a-jwt", 401);
        refused(learner, 403);
        lms.http.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, lms.operator()).exchange()
                .expectStatus().isOk();
        lms.http.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        lms.http.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, lms.operator()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.components.eventBus.details").exists();
    }

    @Test
    void a_learner_token_names_the_learner_as_open_edx_does() throws Exception {
        Lms.Learner ada = lms.newLearner();

        Map<String, Object> claims = SignedJWT.parse(tokens.forUser(users.require(ada.username())).accessToken())
                .getJWTClaimsSet().getClaims();

        assertThat(claims).containsEntry("sub", ada.username())
                .containsEntry("preferred_username", ada.username())
                .containsEntry("email", ada.email())
                .containsEntry("name", ada.name())
                .containsEntry("course_staff", List.of())
                .containsEntry("user_id", ada.id())
                .containsEntry("administrator", false)
                .containsEntry("roles", List.of("learner"));
    }

    @Test
    void tokens_without_a_password_are_off_unless_the_operator_turns_them_on() {
        lms.http.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\": \"ada\"}").exchange()
                .expectStatus().isNotFound();
    }

    private void refused(String authorization, int status) {
        lms.http.get().uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, authorization == null ? DefaultToken.ANONYMOUS : authorization)
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
