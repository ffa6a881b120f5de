package org.openedx.suite.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stands in for the systems outside the suite: a webhook receiver ({@code webhook}), an external certificate provider
 * ({@code certificate}) and a plagiarism service ({@code plagiarism}). It keeps everything in memory, records every
 * request it receives ({@code received}) and fails on demand ({@code fault}). It asks no one for credentials: a
 * stand-in for trying things, never to be exposed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SandboxApplication.class, args);
    }
}
