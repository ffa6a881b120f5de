package org.openedx.suite.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every API of the suite needs a token (ADR 7), so a test's requests carry one unless they say otherwise: the
 * {@code Authorization} a request sets is kept, a request without one gets the operator's, and a request that sets
 * {@link #ANONYMOUS} goes without. A service test's {@code RestTestClient} has it ({@link ServiceTest}).
 */
public final class DefaultToken implements ClientHttpRequestInterceptor {

    /** The {@code Authorization} value of a request that must carry no token at all. */
    public static final String ANONYMOUS = "";

    private final Supplier<String> token;

    /** @param token the default access token, asked for each request (a token expires; the supplier may cache) */
    public DefaultToken(Supplier<String> token) {
        this.token = token;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        HttpHeaders headers = request.getHeaders();
        String given = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (given == null) {
            headers.setBearerAuth(token.get());
        } else if (given.isBlank()) {
            headers.remove(HttpHeaders.AUTHORIZATION);
        }
        return execution.execute(request, body);
    }

    /** A service test's {@code RestTestClient} sends the operator's token of the {@link TestIssuer} by default. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class OperatorByDefault {

        @Bean
        RestTestClientBuilderCustomizer operatorTokenByDefault() {
            return builder -> builder.requestInterceptor(new DefaultToken(new Reused(TestIssuer::operatorToken)));
        }
    }

    /** A token asked for again only after five minutes, well within the 15 it lives. */
    static final class Reused implements Supplier<String> {

        private final Supplier<String> source;
        private String token;
        private Instant asked = Instant.MIN;

        Reused(Supplier<String> source) {
            this.source = source;
        }

        @Override
        public synchronized String get() {
            if (asked.isBefore(Instant.now().minus(Duration.ofMinutes(5)))) {
                token = source.get();
                asked = Instant.now();
            }
            return token;
        }
    }
}
