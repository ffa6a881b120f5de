package org.openedx.suite.discovery.courserun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.discovery.courserun.Catalog.body;
import static org.openedx.suite.discovery.courserun.Catalog.catalogInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.discovery.DiscoveryServiceTest;
import org.openedx.suite.search.SearchIndexes;
import org.openedx.suite.testsupport.TestIssuer;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The operator's full reindex (search-support's {@code POST /api/search/reindex}) on the catalog's index: one document
 * per run, hidden runs too (the search leaves them out), so that the index and the table are the same size.
 */
@DiscoveryServiceTest
class SearchReindexTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final Catalog catalog;
    private final SearchIndexes indexes;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private String token;
    private List<String> visible;

    SearchReindexTest(Catalog catalog, SearchIndexes indexes, JdbcTemplate jdbc, EntityManager entityManager,
                      PlatformTransactionManager transactionManager) {
        this.catalog = catalog;
        this.indexes = indexes;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Three visible runs and a hidden one, indexed; and every run of the catalog indexed. */
    @BeforeEach
    void runsInTheIndex() {
        token = "R" + UUID.randomUUID().toString().substring(0, 6);
        visible = IntStream.range(0, 3).mapToObj(i -> "course-v1:ReindexX+" + token + "_" + i + "+2026").toList();
        Instant now = Instant.now();
        visible.forEach(key -> catalog.publish(catalogInfo(key, "Reindexing " + token), now));
        CourseCatalogData hidden = catalogInfo("course-v1:ReindexX+" + token + "_H+2026", "Reindexing " + token);
        catalog.publish(new CourseCatalogData(hidden.courseKey(), hidden.name(), hidden.scheduleData(), true, false),
                now);
        await().atMost(EVENTUALLY).until(() -> keysFound(token).size() == 3
                && indexes.documents(CourseRun.class) == catalog.storedRuns());
    }

    @Test
    void the_operator_rebuilds_the_index_from_every_run_and_the_search_finds_the_same() {
        int rows = catalog.storedRuns();

        JsonNode report = body(catalog.post("/api/search/reindex").expectStatus().isOk());

        JsonNode index = report.get("indexes").get(0);
        assertThat(report.get("indexes")).hasSize(1);
        assertThat(index.get("rows").asLong()).isEqualTo(rows);
        assertThat(index.get("before").asLong()).isEqualTo(rows);
        assertThat(index.get("after").asLong()).isEqualTo(rows);
        assertThat(keysFound(token)).containsExactlyInAnyOrderElementsOf(visible);
    }

    @Test
    void a_rebuild_that_would_change_the_index_by_more_than_a_tenth_is_refused_unless_forced() {
        List<String> keys = jdbc.queryForList("SELECT key FROM course_run ORDER BY key", String.class);
        // a fifth of the documents lost (the runs stay): more than suite.search.reindex-max-change, 0.1, of the index
        List<String> lost = new ArrayList<>(IntStream.range(0, keys.size()).filter(i -> i % 5 == 0)
                .mapToObj(keys::get).toList());
        lost.add(visible.get(0));
        transactions.executeWithoutResult(status -> {
            SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
            lost.forEach(key -> plan.purge(CourseRun.class, key, null));
            plan.execute();
        });
        long left = indexes.documents(CourseRun.class);
        assertThat(left).isEqualTo(keys.size() - lost.stream().distinct().count());
        assertThat(keysFound(token)).doesNotContain(visible.get(0));

        catalog.post("/api/search/reindex").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("force");
        assertThat(indexes.documents(CourseRun.class)).as("nothing reindexed").isEqualTo(left);

        JsonNode report = body(catalog.post("/api/search/reindex?force=true").expectStatus().isOk());
        assertThat(report.get("indexes").get(0).get("after").asLong()).isEqualTo(keys.size());
        assertThat(keysFound(token)).containsExactlyInAnyOrderElementsOf(visible);
    }

    @Test
    void only_the_operator_rebuilds_the_index() {
        catalog.post("/api/search/reindex", "Bearer " + TestIssuer.learnerToken(7, "ada")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private List<String> keysFound(String text) {
        List<String> keys = new ArrayList<>();
        body(catalog.search(text).expectStatus().isOk()).get("items")
                .forEach(item -> keys.add(item.get("key").asString()));
        return keys;
    }
}
