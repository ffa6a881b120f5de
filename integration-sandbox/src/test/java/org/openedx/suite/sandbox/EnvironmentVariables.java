package org.openedx.suite.sandbox;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Configuration properties bound from environment variables alone, the way Spring Boot reads the process's
 * environment: for the variables the sandbox takes without naming them in its application.yml.
 */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    /** {@code type} bound under {@code prefix} from {@code variables} (none: the type's defaults). */
    public static <T> T bind(String prefix, Class<T> type, Map<String, Object> variables) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate(prefix, type);
    }
}
