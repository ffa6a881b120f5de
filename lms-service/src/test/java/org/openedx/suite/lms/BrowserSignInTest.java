package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.testsupport.DefaultToken;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Browser sign-in (issue 12, ADR 7): in a real browser (headless Chromium), a user signs in at the LMS with their
 * password; the suite's public client {@code suite-web} gets a code bound to its PKCE verifier, and the token that
 * code buys names the user as every other user token does, and acts for them alone. A wrong password gets no code; a
 * code without its verifier, or a second time, buys nothing.
 */
@LmsServiceTest
class BrowserSignInTest {

    private static final String CLIENT = "suite-web";
    private static final String PASSWORD = "correct horse battery";

    private static HttpServer callback;
    private static final Map<String, Map<String, String>> ARRIVED = new ConcurrentHashMap<>();
    private static java.nio.file.Path profile;

    private final Lms lms;

    BrowserSignInTest(Lms lms) {
        this.lms = lms;
    }

    /** Where the browser is sent back with the code: a real HTTP server on a loopback port of its own. */
    @BeforeAll
    static void a_client_waiting_for_its_code_and_a_browser() throws IOException {
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/callback", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            ARRIVED.put(query.getOrDefault("state", ""), query);
            byte[] page = "<html><body><p id=\"done\">Signed in</p></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        callback.start();
        profile = Files.createTempDirectory("suite-chromium");
    }

    @AfterAll
    static void stop() {
        if (callback != null) {
            callback.stop(0);
        }
    }

    @Test
    void a_user_signs_in_with_their_password_and_the_code_buys_a_token_that_acts_for_them_alone() throws Exception {
        Lms.Learner ada = lms.newLearner(PASSWORD);
        Lms.Learner bob = lms.newLearner();
        String verifier = verifier();
        String state = UUID.randomUUID().toString();

        WebDriver browser = browser();
        try {
            browser.get(authorizeUrl(state, challenge(verifier)));
            assertThat(browser.getCurrentUrl()).as("a browser not signed in goes to the sign-in page")
                    .startsWith(lms.baseUrl() + "/login");
            signIn(browser, ada.username(), PASSWORD);
            await().atMost(Duration.ofSeconds(20)).until(() -> ARRIVED.containsKey(state));
            assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Signed in");
        } finally {
            browser.quit();
        }
        String code = ARRIVED.get(state).get("code");
        assertThat(code).isNotBlank();

        JsonNode answer = Lms.json(exchange(code, verifier).expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
        String token = answer.get("access_token").asString();
        Map<String, Object> claims = SignedJWT.parse(token).getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("preferred_username", ada.username())
                .containsEntry("user_id", ada.id())
                .containsEntry("email", ada.email())
                .containsEntry("roles", List.of("learner"))
                .containsEntry("administrator", false)
                .containsEntry("aud", List.of("openedx-suite"));

        lms.http.get().uri("/api/users/{user}", ada.username()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        lms.http.get().uri("/api/users/{user}", bob.username()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isForbidden();
        exchange(code, verifier).expectStatus().is4xxClientError();
    }

    @Test
    void a_wrong_password_gets_no_code() {
        Lms.Learner ada = lms.newLearner(PASSWORD);
        String state = UUID.randomUUID().toString();

        WebDriver browser = browser();
        try {
            browser.get(authorizeUrl(state, challenge(verifier())));
            signIn(browser, ada.username(), "not the password");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> browser.getCurrentUrl().startsWith(lms.baseUrl() + "/login?error"));
            assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Invalid credentials");
        } finally {
            browser.quit();
        }
        assertThat(ARRIVED).doesNotContainKey(state);
    }

    @Test
    void a_code_without_its_verifier_buys_nothing() {
        Lms.Learner ada = lms.newLearner(PASSWORD);
        String verifier = verifier();
        String state = UUID.randomUUID().toString();

        WebDriver browser = browser();
        try {
            browser.get(authorizeUrl(state, challenge(verifier)));
            signIn(browser, ada.username(), PASSWORD);
            await().atMost(Duration.ofSeconds(20)).until(() -> ARRIVED.containsKey(state));
        } finally {
            browser.quit();
        }
        String code = ARRIVED.get(state).get("code");

        exchange(code, verifier()).expectStatus().is4xxClientError();
        exchange(code, null).expectStatus().is4xxClientError();
    }

    private String authorizeUrl(String state, String challenge) {
        return lms.baseUrl() + "/oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", CLIENT,
                "redirect_uri", redirectUri(),
                "scope", "openid profile",
                "state", state,
                "code_challenge", challenge,
                "code_challenge_method", "S256"));
    }

    /**
     * A page of the suite served from another origin (insights' dashboard) exchanges its code from the browser: the
     * origins of the web redirect URIs may (a loopback one on any port), any other origin may not.
     */
    @Test
    void the_pages_that_may_receive_a_code_may_exchange_it_from_the_browser_and_no_other_origin_may() {
        for (String origin : List.of("http://127.0.0.1:43117", "http://localhost:18110")) {
            lms.http.options().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS)
                    .header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                    .exchange().expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        lms.http.options().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS)
                .header(HttpHeaders.ORIGIN, "http://evil.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private RestTestClient.ResponseSpec exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirectUri(),
                "client_id", CLIENT));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return lms.http.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, DefaultToken.ANONYMOUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(form)).exchange();
    }

    private static void signIn(WebDriver browser, String username, String password) {
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * Headless Chromium from Debian's packages, kept off the network it has no business with, driven by its own
     * ChromeDriver (quitting the browser stops the driver).
     */
    private static WebDriver browser() {
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve(UUID.randomUUID().toString()));
        return new ChromeDriver(driver, options);
    }

    private static String redirectUri() {
        return "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback";
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                values.put(java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
                                StandardCharsets.UTF_8),
                        equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                                StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
