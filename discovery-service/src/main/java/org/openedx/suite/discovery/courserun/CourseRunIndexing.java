package org.openedx.suite.discovery.courserun;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.openedx.suite.eventbus.ArrayParameters;
import org.openedx.suite.search.SearchIndexes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the catalog (Hibernate Search's own listeners are off): for each
 * {@link CourseRunsChanged}, after the poll that changed the runs has committed, in a transaction of its own, the
 * runs' documents are written from their rows as they are now, and the documents of runs that are gone are purged.
 * <p>
 * Durable: Spring Modulith recorded the publication in the poll's transaction and deletes it only once this has
 * committed; one left incomplete by a crash is delivered again on restart, a failed one is retried by the event bus
 * ({@code InProcessReactions}). Idempotent: it writes what the rows say, whatever was indexed before, so a second
 * delivery changes nothing. In order: two indexings of one run take turns (a transaction-scoped advisory lock per
 * stripe of run keys, taken in stripe order), and each reads the rows only once it has its turn, so an indexing that
 * read a run before a newer change committed has written it before the newer change's indexing reads it. The catalog's
 * consumer never waits for these locks.
 */
@Component
class CourseRunIndexing {

    /** The listener's name in the publication registry: it must not change while publications may be outstanding. */
    static final String LISTENER = "discovery.course-run-index";

    /** The advisory locks' first key, {@code 'crix'}; the second is the stripe. */
    private static final int LOCKS = 0x63726978;
    /** Run keys share this many locks: at most this many locks in a transaction, however many runs it indexes. */
    private static final int STRIPES = 64;
    private static final String TAKE_TURNS = """
            SELECT pg_advisory_xact_lock(?, stripe)
              FROM (SELECT DISTINCT abs(hashtext(key) % ?) AS stripe FROM unnest(?::text[]) AS key) AS stripes
             ORDER BY stripe
            """;

    private final CourseRunRepository runs;
    private final SearchIndexes indexes;
    private final JdbcTemplate jdbc;

    CourseRunIndexing(CourseRunRepository runs, SearchIndexes indexes, JdbcTemplate jdbc) {
        this.runs = runs;
        this.indexes = indexes;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener(id = LISTENER)
    void index(CourseRunsChanged changed) {
        indexes.indexing(session -> {
            jdbc.query(TAKE_TURNS, new ArrayParameters().value(LOCKS).value(STRIPES)
                    .texts(changed.runKeys(), key -> key), rs -> null);
            SearchIndexingPlan plan = session.indexingPlan();
            List<CourseRun> found = runs.findAllById(changed.runKeys());
            found.forEach(plan::addOrUpdate);
            Set<String> existing = found.stream().map(CourseRun::runKey).collect(Collectors.toSet());
            changed.runKeys().stream().filter(key -> !existing.contains(key))
                    .forEach(key -> plan.purge(CourseRun.class, key, null));
        });
    }
}
