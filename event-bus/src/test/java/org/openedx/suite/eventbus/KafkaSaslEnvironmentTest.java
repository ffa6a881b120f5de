package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** KAFKA_SASL_USERNAME turns on SCRAM-SHA-512 for every client of the service; a missing password stops it. */
class KafkaSaslEnvironmentTest {

    @Test
    void without_a_username_the_clients_stay_as_configured() {
        StandardEnvironment environment = environment(Map.of());

        new KafkaSaslEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isNull();
    }

    @Test
    void with_a_username_and_a_password_every_client_logs_in_with_scram_sha_512() {
        StandardEnvironment environment = environment(Map.of(KafkaSaslEnvironment.USERNAME, "lms",
                KafkaSaslEnvironment.PASSWORD, "s3\"cr\\et"));

        new KafkaSaslEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"lms\" "
                        + "password=\"s3\\\"cr\\\\et\";");
    }

    @Test
    void a_username_without_a_password_stops_the_service_naming_the_variable() {
        StandardEnvironment environment = environment(Map.of(KafkaSaslEnvironment.USERNAME, "lms"));

        assertThatThrownBy(() -> new KafkaSaslEnvironment().postProcessEnvironment(environment,
                new SpringApplication())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KAFKA_SASL_PASSWORD");
    }

    @Test
    void the_service_s_own_settings_win() {
        StandardEnvironment environment = environment(Map.of(KafkaSaslEnvironment.USERNAME, "lms",
                KafkaSaslEnvironment.PASSWORD, "secret", "spring.kafka.security.protocol", "SASL_SSL"));

        new KafkaSaslEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
