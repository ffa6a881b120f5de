package org.openedx.suite.insights.lrs;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openedx.suite.insights.statement.XapiStatements;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every answer under {@code /xapi}, refusals included, says which xAPI version it speaks: 1.0.3. */
@Configuration(proxyBeanMethods = false)
class XapiVersionHeader {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> xapiVersion() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        response.setHeader(XapiController.VERSION_HEADER, XapiStatements.VERSION);
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/xapi/*");
        // before Spring Security's chain, so that a 401 or 403 says it too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
