package org.openedx.suite.eventbus;

import java.util.List;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal service: it produces catalog events and applies them to a table, newest first. */
@SpringBootApplication
class EventBusTestApplication {

    static final String ALWAYS_FAILS = "always fails";

    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }

    @Bean
    CatalogHandler catalogHandler(JdbcTemplate jdbc, EntityVersions versions) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS course_run (course_key TEXT PRIMARY KEY, name TEXT, applied INT)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS blocked_course (course_key TEXT PRIMARY KEY)");
        return new CatalogHandler(jdbc, versions);
    }

    record CatalogHandler(JdbcTemplate jdbc, EntityVersions versions) implements EventHandler<CatalogInfoChangedEvent> {

        @Override
        public List<EventType<CatalogInfoChangedEvent>> eventTypes() {
            return List.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
        }

        @Override
        public void handle(CatalogInfoChangedEvent payload, EventMetadata metadata) {
            var info = payload.catalogInfo();
            if (info.name().equals(ALWAYS_FAILS)) {
                throw new IllegalStateException("this handler cannot apply " + info.courseKey());
            }
            if (jdbc.queryForObject("SELECT count(*) FROM blocked_course WHERE course_key = ?", Integer.class,
                    info.courseKey()) > 0) {
                throw new IllegalStateException(info.courseKey() + " is blocked");
            }
            if (!versions.advance("course-run", info.courseKey(), metadata)) {
                return;
            }
            jdbc.update("""
                    INSERT INTO course_run (course_key, name, applied) VALUES (?, ?, 1)
                    ON CONFLICT (course_key) DO UPDATE SET name = EXCLUDED.name, applied = course_run.applied + 1
                    """, info.courseKey(), info.name());
        }
    }
}
