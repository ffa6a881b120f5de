package org.openedx.suite.web.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server of the LMS (ADR 7): a request's bearer token is checked against the
 * issuer's keys ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), its audience and its lifetime, and its
 * claims become roles ({@link SuiteAuthentication}). The operator endpoints under {@code /actuator} need
 * {@code admin}, except the health status that orchestrators probe; the API description is public; a service opens
 * its endpoints to learners, course staff and clients with {@link AccessRules} beans, and every request no rule names
 * needs {@code admin}. Controllers get the {@link Caller} as a parameter. Refusals are problem+json
 * ({@link ProblemJsonSecurityHandlers}).
 * <p>
 * Runs before Spring Boot's own web security, which then backs off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web"
                + ".OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SuiteSecurityAutoConfiguration {

    /** After a chain of higher precedence that a service may put first (the LMS's authorization server). */
    public static final int ORDER = 100;

    /**
     * Spring Security's firewall, with two exceptions: a {@code %25} or a {@code ;} in a path reaches the service,
     * whose key validation then refuses it with a problem naming the field (a course key has neither), rather than the
     * firewall with a bare 400. Both sides match paths with {@code PathPattern}, which parses {@code ;} parameters
     * out of a segment before matching, so {@code /actuator;x/deadletters} still needs {@code admin}.
     */
    @Bean
    WebSecurityCustomizer suiteFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowSemicolon(true);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** The API description names the bearer token every operation needs, and leaves the {@link Caller} out. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApi {

        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer bearerTokens() {
            return api -> api
                    .schemaRequirement("bearer", new io.swagger.v3.oas.models.security.SecurityScheme()
                            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                            .scheme("bearer").bearerFormat("JWT")
                            .description("An access token of the LMS: POST /oauth2/token (see the README)"))
                    .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
        }
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain suiteResourceServer(HttpSecurity http, ObjectProvider<AccessRules> rules,
                                            ObjectProvider<JwtDecoder> decoder) throws Exception {
        if (decoder.getIfAvailable() == null) {
            throw new IllegalStateException("No issuer of tokens to trust: set "
                    + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to the LMS's URL");
        }
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new SuiteAuthentication()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/liveness",
                                    "/actuator/health/readiness").permitAll()
                            .requestMatchers("/actuator", "/actuator/**").hasRole(Roles.ADMIN)
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                    "/error").permitAll();
                    rules.orderedStream().forEach(rule -> rule.apply(requests));
                    // born protected: an endpoint no rule names is the operator's until a rule says otherwise
                    requests.anyRequest().hasRole(Roles.ADMIN);
                });
        return http.build();
    }
}
