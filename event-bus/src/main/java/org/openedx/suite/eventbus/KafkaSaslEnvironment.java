package org.openedx.suite.eventbus;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * SASL/SCRAM-SHA-512 towards the broker when {@code KAFKA_SASL_USERNAME} is set ({@code suite.kafka.sasl.*}; docker
 * compose and the local run always set it, ADR 8): every Kafka client of the service, its producer, consumers and
 * admin, then authenticates as that principal, whom the broker's ACLs let write only the topics the service produces
 * (and the dead-letter topics of those it consumes) and read only those it consumes. A username without a password
 * stops the service at once; there is no built-in password. Settings of the service's own for the same keys win.
 */
public final class KafkaSaslEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String USERNAME = "suite.kafka.sasl.username";
    static final String PASSWORD = "suite.kafka.sasl.password";
    static final String MECHANISM = "SCRAM-SHA-512";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String username = environment.getProperty(USERNAME, "");
        if (username.isBlank()) {
            return;
        }
        String password = environment.getProperty(PASSWORD, "");
        if (password.isBlank()) {
            throw new IllegalStateException("KAFKA_SASL_PASSWORD is not set: KAFKA_SASL_USERNAME is " + username
                    + ", and the service has no built-in password for it; set the principal's password");
        }
        Map<String, Object> sasl = new LinkedHashMap<>();
        sasl.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        sasl.put("spring.kafka.properties.sasl.mechanism", MECHANISM);
        sasl.put("spring.kafka.properties.sasl.jaas.config", jaasConfig(username, password));
        environment.getPropertySources().addLast(new MapPropertySource("suiteKafkaSasl", sasl));
    }

    /** The client's login: a JAAS entry whose quoted values escape {@code \} and {@code "}. */
    static String jaasConfig(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** After the configuration files are read, which name the variables. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
