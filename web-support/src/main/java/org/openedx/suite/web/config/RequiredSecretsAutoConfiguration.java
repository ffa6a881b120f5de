package org.openedx.suite.web.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A service has no built-in secrets (issue 12): started without its database password it stops at once, saying which
 * variable to set, before anything tries to connect. The local run, docker compose and the tests set it.
 */
@AutoConfiguration
public class RequiredSecretsAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor requiredSecrets(Environment environment) {
        return beanFactory -> {
            if (environment.containsProperty("spring.datasource.url")
                    && environment.getProperty("spring.datasource.password", "").isBlank()) {
                throw new IllegalStateException("SPRING_DATASOURCE_PASSWORD is not set: the service has no built-in "
                        + "database password; set it to the password of SPRING_DATASOURCE_USERNAME");
            }
        };
    }
}
