package org.openedx.suite.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service started without its database password stops at once and names the variable; there is no default. */
class RequiredSecretsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RequiredSecretsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:15432/lms",
                    "spring.datasource.username=lms");

    @Test
    void without_a_database_password_the_service_does_not_start_and_says_which_variable_to_set() {
        service.withPropertyValues("spring.datasource.password=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("SPRING_DATASOURCE_PASSWORD");
        });
        service.run(context -> assertThat(context).hasFailed());
    }

    @Test
    void with_a_database_password_it_starts() {
        service.withPropertyValues("spring.datasource.password=s3cret")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
