package org.openedx.suite.web.config;

import java.util.Arrays;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * A service has no built-in secrets (issue 12): started without its database password it stops at once, saying which
 * variable to set, before anything tries to connect. The local run, docker compose and the tests set it. A database
 * connected otherwise than by properties (a Testcontainers {@code @ServiceConnection}, as the services'
 * {@code TestXxxApplication}s use) brings its own.
 */
@AutoConfiguration
public class RequiredSecretsAutoConfiguration {

    private static final String CONNECTION_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";
    private static final String PROPERTIES_CONNECTION_DETAILS =
            "org.springframework.boot.jdbc.autoconfigure.PropertiesJdbcConnectionDetails";

    @Bean
    static BeanFactoryPostProcessor requiredSecrets(Environment environment) {
        return beanFactory -> {
            if (environment.containsProperty("spring.datasource.url")
                    && environment.getProperty("spring.datasource.password", "").isBlank()
                    && !connectedOtherwise(beanFactory)) {
                throw new IllegalStateException("SPRING_DATASOURCE_PASSWORD is not set: the service has no built-in "
                        + "database password; set it to the password of SPRING_DATASOURCE_USERNAME");
            }
        };
    }

    private static boolean connectedOtherwise(ConfigurableListableBeanFactory beanFactory) {
        if (!ClassUtils.isPresent(CONNECTION_DETAILS, null)) {
            return false;
        }
        Class<?> details = ClassUtils.resolveClassName(CONNECTION_DETAILS, null);
        return Arrays.stream(beanFactory.getBeanNamesForType(details, true, false))
                .map(beanFactory::getType)
                .anyMatch(type -> type != null && !type.getName().equals(PROPERTIES_CONNECTION_DETAILS));
    }
}
