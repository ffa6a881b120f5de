package org.openedx.suite.cms.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.cms.content.ContentClient.body;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.cms.content.ContentClient;
import tools.jackson.databind.JsonNode;

/**
 * Automatic content tagging: the course's language reaches every block unless the block says otherwise; tags follow
 * their blocks through duplication and deletion; authors tag with taxonomies of their own.
 */
@CmsServiceTest
class LanguageTaggingTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final ContentClient content;

    LanguageTaggingTest(ContentClient content) {
        this.content = content;
    }

    @Test
    void a_french_course_and_every_block_added_to_it_carry_the_fr_language_tag() {
        String course = content.newCourse("fr");
        String chapter = content.add(course, null, "chapter", "Semaine 1", null);
        String sequential = content.add(course, chapter, "sequential", "Leçon 1", null);
        String vertical = content.add(course, sequential, "vertical", "Unité 1", null);
        String html = content.add(course, vertical, "html", "Bienvenue", "Bonjour à tous");

        for (String object : List.of(course, chapter, sequential, vertical, html)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.tagsOf(object))
                    .as(object).containsExactly("Language:fr"));
        }
        await().atMost(EVENTUALLY).until(() -> content.pendingReactions() == 0);
        assertThat(content.block(html).path("tags").toString()).contains("\"taxonomy\":\"Language\"")
                .contains("\"value\":\"fr\"");
    }

    @Test
    void a_block_that_has_a_language_tag_keeps_it_when_edited() {
        String course = content.newCourse("fr");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        await().atMost(EVENTUALLY).until(() -> content.tagsOf(chapter).equals(List.of("Language:fr")));

        body(content.post("/api/blocks/" + chapter + "/tags", Map.of("taxonomy", "Language", "value", "de"))
                .expectStatus().isOk());
        content.edit(chapter, "Woche 1", null);

        await().atMost(EVENTUALLY).until(() -> content.pendingReactions() == 0);
        assertThat(content.tagsOf(chapter)).as("one Language tag, the author's").containsExactly("Language:de");
    }

    @Test
    void a_copy_gets_its_originals_tags_and_a_deleted_block_loses_its_own() {
        String course = content.newCourse("fr");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String taxonomy = newTaxonomy("introductory", "advanced");
        await().atMost(EVENTUALLY).until(() -> content.tagsOf(sequential).equals(List.of("Language:fr")));
        content.post("/api/blocks/" + sequential + "/tags", Map.of("taxonomy", taxonomy, "value", "advanced"))
                .expectStatus().isOk();

        String copy = body(content.post("/api/blocks/" + sequential + "/duplicate", "").expectStatus().isCreated())
                .path("usage_key").asString();

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.tagsOf(copy))
                .containsExactlyInAnyOrder("Language:fr", taxonomy + ":advanced"));

        content.delete("/api/blocks/" + chapter).expectStatus().isNoContent();

        for (String deleted : List.of(chapter, sequential, copy)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.tagsOf(deleted)).as(deleted).isEmpty());
        }
    }

    @Test
    void authors_tag_and_untag_with_their_taxonomies_values_only() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String taxonomy = newTaxonomy("introductory", "advanced");

        JsonNode tagged = body(content.post("/api/blocks/" + chapter + "/tags",
                Map.of("taxonomy", taxonomy, "value", "introductory")).expectStatus().isOk());
        assertThat(tagged.path("tags").toString()).contains("introductory");
        content.post("/api/blocks/" + chapter + "/tags", Map.of("taxonomy", taxonomy, "value", "expert"))
                .expectStatus().isBadRequest();
        content.post("/api/blocks/" + chapter + "/tags", Map.of("taxonomy", "NoSuchTaxonomy", "value", "x"))
                .expectStatus().isBadRequest();
        content.post("/api/blocks/" + chapter + "/tags", Map.of("taxonomy", "Language", "value", "xx"))
                .expectStatus().isBadRequest();

        content.delete("/api/blocks/" + chapter + "/tags/" + taxonomy + "/introductory").expectStatus().isOk();

        assertThat(content.tagsOf(chapter)).doesNotContain(taxonomy + ":introductory");
        assertThat(body(content.get("/api/taxonomies").expectStatus().isOk()).toString())
                .contains("\"name\":\"Language\"").contains("\"name\":\"" + taxonomy + "\"");
    }

    @Test
    void a_course_in_an_unknown_language_is_refused() {
        Map<String, Object> course = Map.of("course_key", "course-v1:edX+L" + UUID.randomUUID().toString()
                .substring(0, 6) + "+2026", "name", "x", "start", "2026-09-01T08:00:00Z", "language", "zz");
        assertThat(body(content.post("/api/courses", course).expectStatus().isBadRequest()).toString())
                .contains("language");
    }

    private String newTaxonomy(String... values) {
        String name = "Difficulty" + UUID.randomUUID().toString().substring(0, 6);
        content.post("/api/taxonomies", Map.of("name", name, "values", List.of(values))).expectStatus().isCreated();
        return name;
    }
}
