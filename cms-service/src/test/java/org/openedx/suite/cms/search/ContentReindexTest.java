package org.openedx.suite.cms.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.cms.content.ContentClient.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.cms.content.ContentClient;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The operator's full reindex: it loses no edit made while it runs, and it refuses to go on when the index would
 * change in size by more than {@code suite.search.reindex-max-change} (10% here), writing nothing.
 */
@CmsServiceTest
class ContentReindexTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final ContentClient content;
    private final JdbcTemplate jdbc;

    ContentReindexTest(ContentClient content, JdbcTemplate jdbc) {
        this.content = content;
        this.jdbc = jdbc;
    }

    @Test
    void edits_made_while_the_index_is_rebuilt_are_all_found_afterwards() throws Exception {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String vertical = content.add(course, sequential, "vertical", "Unit 1", null);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            blocks.add(content.add(course, vertical, "html", "Page " + i, "draft" + i + "v0"));
        }
        await().atMost(EVENTUALLY).until(() -> content.pendingReactions() == 0);

        int pages = content.found(course, "q=page").size();
        assertThat(pages).isPositive();

        AtomicBoolean editing = new AtomicBoolean(true);
        AtomicInteger round = new AtomicInteger();
        CompletableFuture<Void> edits = CompletableFuture.runAsync(() -> {
            while (editing.get() || round.get() < 2) {
                int r = round.incrementAndGet();
                for (int i = 0; i < blocks.size(); i++) {
                    content.edit(blocks.get(i), "Page " + i, "draft" + i + "v" + r);
                }
            }
        });
        // searches keep answering, with every page, while the index is rebuilt
        AtomicInteger fewestPagesFound = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger searches = new AtomicInteger();
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            while (editing.get()) {
                fewestPagesFound.accumulateAndGet(content.found(course, "q=page").size(), Math::min);
                searches.incrementAndGet();
            }
        });
        JsonNode report = body(content.post("/api/search/reindex", "").expectStatus().isOk());
        editing.set(false);
        edits.get();
        searching.get();

        assertThat(searches.get()).isPositive();
        assertThat(fewestPagesFound.get()).as("pages found by a search during the reindex, at fewest").isEqualTo(pages);

        assertThat(report.path("indexes").get(0).path("index").asString()).isEqualTo("Block");
        int last = round.get();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (int i = 0; i < blocks.size(); i++) {
                assertThat(content.found(course, "q=draft" + i + "v" + last)).as("page %d's last edit", i)
                        .containsExactly(blocks.get(i));
                assertThat(content.found(course, "q=draft" + i + "v" + (last - 1))).as("its edit before").isEmpty();
            }
        });
    }

    @Test
    void a_reindex_that_would_drop_most_documents_is_refused_and_writes_nothing() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Doomed chapter", null);
        await().atMost(EVENTUALLY).until(() -> content.found(course, "q=doomed").size() == 1);
        // rows gone behind the CMS's back (a bad restore, a script): the index still has them
        jdbc.update("UPDATE block SET parent_usage_key = NULL WHERE block_type = 'chapter'");
        jdbc.update("DELETE FROM block WHERE block_type <> 'chapter'");
        jdbc.update("DELETE FROM block");

        JsonNode refused = body(content.post("/api/search/reindex", "").expectStatus().isEqualTo(409));

        assertThat(refused.path("detail").asString()).contains("would hold 0").contains("10%");
        assertThat(content.found(course, "q=doomed")).as("nothing was written").containsExactly(chapter);

        JsonNode forced = body(content.post("/api/search/reindex?force=true", "").expectStatus().isOk());
        assertThat(forced.path("indexes").get(0).path("after").asLong()).isZero();
        assertThat(content.found(course, "q=doomed")).isEmpty();
    }
}
