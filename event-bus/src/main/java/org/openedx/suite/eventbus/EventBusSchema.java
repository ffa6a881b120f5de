package org.openedx.suite.eventbus;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the event-bus tables into schema {@code event_bus}, with a Flyway history of their own: the service's own
 * migrations (in {@code public}) and these evolve independently and never collide on version numbers.
 */
final class EventBusSchema {

    static final String SCHEMA = "event_bus";

    private final DataSource dataSource;

    EventBusSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/event-bus")
                .load()
                .migrate();
    }
}
