package org.openedx.suite.credentials;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Learner credentials: the LMS's certificate events award and revoke course-run credentials
 * ({@code credential}), and make the learners known ({@code learner}).
 */
@SpringBootApplication
public class CredentialsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CredentialsApplication.class, args);
    }
}
