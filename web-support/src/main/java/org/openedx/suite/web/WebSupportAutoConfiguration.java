package org.openedx.suite.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every service the same strict JSON reading, the same problem+json error responses, and an OpenAPI description
 * with the field names the API really uses.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class WebSupportAutoConfiguration {

    @Bean
    WebMvcConfigurer webSupportParameterGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ParameterGuard());
            }
        };
    }

    @Bean
    StrictJson webSupportStrictJson() {
        return new StrictJson();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.core.jackson.ModelResolver")
    static class OpenApi {

        /**
         * springdoc describes bodies with swagger's own (Jackson 2) mapper, which does not see the services'
         * snake_case naming; without this, {@code /v3/api-docs} would name fields as the Java records do.
         */
        @Bean
        io.swagger.v3.core.jackson.ModelResolver snakeCaseModelResolver() {
            return new io.swagger.v3.core.jackson.ModelResolver(io.swagger.v3.core.util.Json.mapper().copy()
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class Tomcat {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                }
            });
        }
    }
}
