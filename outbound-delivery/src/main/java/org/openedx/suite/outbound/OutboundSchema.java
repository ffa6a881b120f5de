package org.openedx.suite.outbound;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Migrates the delivery log into schema {@code outbound}, with a Flyway history of its own (as ADR 3 does for the bus). */
final class OutboundSchema {

    private final DataSource dataSource;

    OutboundSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate() {
        Flyway.configure().dataSource(dataSource).schemas("outbound").locations("classpath:db/outbound").load()
                .migrate();
    }
}
