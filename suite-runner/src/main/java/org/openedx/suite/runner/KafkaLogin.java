package org.openedx.suite.runner;

/** The SASL/SCRAM-SHA-512 principal a service logs in to the broker as ({@code KAFKA_SASL_USERNAME} / {@code _PASSWORD}). */
public record KafkaLogin(String username, String password) {
}
