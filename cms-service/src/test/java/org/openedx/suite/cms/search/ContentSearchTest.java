package org.openedx.suite.cms.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.cms.content.ContentClient;
import tools.jackson.databind.JsonNode;

/** Keeping the content search index up to date: every change is found, and nothing that changed away. */
@CmsServiceTest
class ContentSearchTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final ContentClient content;
    private String course;
    private String chapter;
    private String html;
    private String problem;

    ContentSearchTest(ContentClient content) {
        this.content = content;
    }

    @BeforeEach
    void aCourseWithContent() {
        course = content.newCourse("en");
        chapter = content.add(course, null, "chapter", "Thermodynamics", null);
        String sequential = content.add(course, chapter, "sequential", "Entropy", null);
        String vertical = content.add(course, sequential, "vertical", "Heat engines", null);
        html = content.add(course, vertical, "html", "Carnot cycle", "The Carnot cycle is an idealised engine.");
        problem = content.add(course, vertical, "problem", "Efficiency exercise",
                "Compute the efficiency of a Carnot engine between two reservoirs.");
        await().atMost(EVENTUALLY).until(() -> content.found(course, "").size() == 5);
    }

    @Test
    void a_match_in_the_display_name_ranks_first_and_highlights_say_where() {
        JsonNode result = content.search(course, "q=carnot");

        assertThat(result.path("results").valueStream().map(hit -> hit.path("usage_key").asString()))
                .containsExactly(html, problem);
        JsonNode best = result.path("results").get(0);
        assertThat(best.path("highlights").path("display_name").get(0).asString()).isEqualTo("<mark>Carnot</mark> cycle");
        assertThat(best.path("breadcrumbs").valueStream().map(JsonNode::asString))
                .containsExactly("Thermodynamics", "Entropy", "Heat engines");
        assertThat(result.path("total").asLong()).isEqualTo(2);
    }

    @Test
    void an_edited_text_is_found_by_its_new_words_and_not_its_old() {
        content.edit(html, "Carnot cycle", "A reversible cycle of four strokes.");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(content.found(course, "q=reversible")).containsExactly(html);
            assertThat(content.found(course, "q=idealised")).isEmpty();
        });
    }

    @Test
    void a_renamed_chapter_changes_its_descendants_breadcrumbs() {
        content.edit(chapter, "Statistical mechanics", null);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode hit = content.search(course, "q=efficiency").path("results").get(0);
            assertThat(hit.path("breadcrumbs").get(0).asString()).isEqualTo("Statistical mechanics");
            assertThat(content.found(course, "q=statistical")).contains(html, problem);
            assertThat(content.found(course, "q=thermodynamics")).isEmpty();
        });
    }

    @Test
    void tagging_a_block_changes_the_facet_counts_and_the_tag_filters() {
        String taxonomy = "Level" + UUID.randomUUID().toString().substring(0, 6);
        content.post("/api/taxonomies", Map.of("name", taxonomy, "values", List.of("hard"))).expectStatus()
                .isCreated();
        await().atMost(EVENTUALLY).until(() -> facet(taxonomy).isMissingNode()
                && facet("Language").path("en").asLong() == 5);

        content.post("/api/blocks/" + problem + "/tags", Map.of("taxonomy", taxonomy, "value", "hard"))
                .expectStatus().isOk();

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(facet(taxonomy).path("hard").asLong()).isEqualTo(1));
        assertThat(content.found(course, "tags=" + taxonomy + ":hard")).containsExactly(problem);
        assertThat(content.found(course, "q=carnot&tags=" + taxonomy + ":hard")).containsExactly(problem);
    }

    @Test
    void a_deleted_block_leaves_the_index() {
        content.delete("/api/blocks/" + html).expectStatus().isNoContent();

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.found(course, "q=carnot"))
                .containsExactly(problem));
    }

    @Test
    void bad_search_parameters_are_refused_naming_them() {
        for (String query : List.of("page=0", "size=101", "tags=nocolon", "q=" + "x".repeat(256))) {
            assertThat(ContentClient.body(content.get("/api/courses/" + course + "/search?" + query).expectStatus()
                    .isBadRequest()).toString()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    private JsonNode facet(String taxonomy) {
        return content.search(course, "").path("facets").path("tags").path(taxonomy);
    }
}
