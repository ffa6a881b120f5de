package org.openedx.suite.eventbus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal service: it produces catalog events and applies them to a table, newest first. */
@SpringBootApplication
class EventBusTestApplication {

    static final String ALWAYS_FAILS = "always fails";
    /** A name whose event breaks a deferred constraint: its transaction fails only as it commits. */
    static final String FAILS_AT_COMMIT = "fails at commit";
    /** A name whose event fails the third time a handler sees it, and only then (a race lost once). */
    static final String FAILS_ON_THIRD_TRY = "fails on its third try";
    /** How many times the handler saw each course of that name. */
    static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> TRIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }

    @Bean
    CatalogHandler catalogHandler(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS course_run (course_key TEXT PRIMARY KEY, name TEXT, applied INT)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS blocked_course (course_key TEXT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS known_course (course_key TEXT PRIMARY KEY)");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS course_reference (
                    course_key TEXT REFERENCES known_course (course_key) DEFERRABLE INITIALLY DEFERRED)
                """);
        return new CatalogHandler(jdbc);
    }

    /** Sees what each transaction publishes, in that transaction: a row per event, rolled back with it. */
    @Bean
    PublishedEventsListener publishedLog(JdbcTemplate jdbc) {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS published_log (event_id UUID PRIMARY KEY, event_type TEXT, message_key TEXT,
                                                          source TEXT, batch_size INT)""");
        return events -> jdbc.batchUpdate("INSERT INTO published_log VALUES (?, ?, ?, ?, ?)", events.stream()
                .map(event -> new Object[] {event.metadata().id(), event.type().name(), event.key(),
                        event.metadata().source(), events.size()}).toList());
    }

    /** A second handler of the same type: each event reaches both, in the one transaction that records its id. */
    @Bean
    CatalogLog catalogLog(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS catalog_log (event_id UUID PRIMARY KEY, course_key TEXT)");
        return new CatalogLog(jdbc);
    }

    record CatalogLog(JdbcTemplate jdbc) implements EventHandler<CatalogInfoChangedEvent> {

        @Override
        public void apply(InboundEvents<CatalogInfoChangedEvent> events) {
            jdbc.batchUpdate("INSERT INTO catalog_log VALUES (?, ?)", events.all().stream()
                    .map(event -> new Object[] {event.metadata().id(), event.payload().catalogInfo().courseKey()})
                    .toList());
        }
    }

    /**
     * Counts every application in {@code applied}, so that an event applied twice shows. Applies a poll's events with
     * a few set-based statements, and the same way one event at a time when the event bus has to find a failing one.
     */
    record CatalogHandler(JdbcTemplate jdbc) implements EventHandler<CatalogInfoChangedEvent> {

        private static final String UPSERT = """
                INSERT INTO course_run (course_key, name, applied) VALUES (?, ?, ?)
                ON CONFLICT (course_key) DO UPDATE SET name = EXCLUDED.name,
                                                       applied = course_run.applied + EXCLUDED.applied
                """;

        @Override
        public void apply(InboundEvents<CatalogInfoChangedEvent> events) {
            events.forEach(event -> refuseFailing(event.payload()));
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, Integer> applications = new LinkedHashMap<>();
            for (var event : events.newest("course-run", p -> p.catalogInfo().courseKey())) {
                names.put(event.payload().catalogInfo().courseKey(), event.payload().catalogInfo().name());
                applications.merge(event.payload().catalogInfo().courseKey(), 1, Integer::sum);
            }
            jdbc.batchUpdate(UPSERT, names.keySet().stream()
                    .map(key -> new Object[] {key, names.get(key), applications.get(key)}).toList());
        }

        private void refuseFailing(CatalogInfoChangedEvent payload) {
            var info = payload.catalogInfo();
            if (info.name().equals(FAILS_AT_COMMIT)) {
                jdbc.update("INSERT INTO course_reference VALUES (?)", info.courseKey());
            }
            if (info.name().equals(FAILS_ON_THIRD_TRY)
                    && TRIES.computeIfAbsent(info.courseKey(), key -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet() == 3) {
                throw new IllegalStateException(info.courseKey() + " lost a race, once");
            }
            if (info.name().equals(ALWAYS_FAILS)) {
                throw new IllegalStateException("this handler cannot apply " + info.courseKey());
            }
            if (jdbc.queryForObject("SELECT count(*) FROM blocked_course WHERE course_key = ?", Integer.class,
                    info.courseKey()) > 0) {
                throw new IllegalStateException(info.courseKey() + " is blocked");
            }
        }
    }
}
