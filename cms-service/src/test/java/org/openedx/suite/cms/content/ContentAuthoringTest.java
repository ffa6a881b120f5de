package org.openedx.suite.cms.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.cms.content.ContentClient.body;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.contracts.ContentAuthoringEvents;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import tools.jackson.databind.JsonNode;

/** Authoring a course's outline: the rules of its tree, and the content events each change sends. */
@CmsServiceTest
class ContentAuthoringTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final ContentClient content;

    ContentAuthoringTest(ContentClient content) {
        this.content = content;
    }

    @Test
    void an_outline_is_chapters_sequentials_verticals_and_leaves_in_order() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String vertical = content.add(course, sequential, "vertical", "Unit 1", null);
        String html = content.add(course, vertical, "html", "Welcome", "Hello and welcome");
        String video = content.add(course, vertical, "video", "Lecture", "transcript of the lecture");

        JsonNode unit = content.block(vertical);
        assertThat(unit.path("children").valueStream().map(JsonNode::asString)).containsExactly(html, video);
        assertThat(unit.path("parent_usage_key").asString()).isEqualTo(sequential);
        assertThat(html).startsWith("block-v1:" + course.substring("course-v1:".length()) + "+type@html+block@");
        List<String> outline = body(content.get("/api/courses/" + course + "/blocks").expectStatus().isOk())
                .valueStream().map(block -> block.path("usage_key").asString()).toList();
        assertThat(outline).containsExactly(chapter, sequential, vertical, html, video);
    }

    @Test
    void a_block_goes_only_under_the_kind_above_it_and_only_leaves_have_text() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);

        assertBadRequest(course, Map.of("block_type", "html", "display_name", "x", "parent_usage_key", chapter),
                "parent_usage_key");
        assertBadRequest(course, Map.of("block_type", "sequential", "display_name", "x"), "parent_usage_key");
        assertBadRequest(course, Map.of("block_type", "chapter", "display_name", "x", "parent_usage_key", chapter),
                "parent_usage_key");
        assertBadRequest(course, Map.of("block_type", "chapter", "display_name", "x", "text", "no"), "text");
        assertBadRequest(course, Map.of("block_type", "quiz", "display_name", "x"), "block_type");
        assertThat(body(content.get("/api/courses/" + course + "/blocks").expectStatus().isOk()).size())
                .as("nothing was added").isEqualTo(1);
    }

    @Test
    void a_block_moves_to_the_end_of_another_parent_and_its_old_siblings_close_up() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String first = content.add(course, sequential, "vertical", "Unit 1", null);
        String second = content.add(course, sequential, "vertical", "Unit 2", null);
        String otherSequential = content.add(course, chapter, "sequential", "Lesson 2", null);

        content.put("/api/blocks/" + first, Map.of("display_name", "Unit 1", "parent_usage_key", otherSequential))
                .expectStatus().isOk();

        assertThat(content.block(sequential).path("children").valueStream().map(JsonNode::asString))
                .containsExactly(second);
        assertThat(content.block(otherSequential).path("children").valueStream().map(JsonNode::asString))
                .containsExactly(first);
    }

    @Test
    void deleting_a_block_deletes_its_subtree_and_announces_each_block_on_the_bus() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String vertical = content.add(course, sequential, "vertical", "Unit 1", null);

        content.delete("/api/blocks/" + sequential).expectStatus().isNoContent();

        content.get("/api/blocks/" + vertical).expectStatus().isNotFound();
        assertThat(content.block(chapter).path("children").isEmpty()).isTrue();
        for (String deleted : List.of(sequential, vertical)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.xblockEventsOf(deleted))
                    .extracting(message -> message.header("ce_type"))
                    .containsExactly(ContentAuthoringEvents.XBlockDeleted.TYPE));
        }
        Message event = content.xblockEventsOf(vertical).get(0);
        assertThat(ContentClient.map(event.value()))
                .isEqualTo(Map.of("xblock_info", Map.of("usage_key", vertical, "block_type", "vertical")));
    }

    @Test
    void duplicating_copies_the_subtree_right_after_the_original_and_names_each_source() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String vertical = content.add(course, sequential, "vertical", "Unit 1", null);
        String html = content.add(course, vertical, "html", "Welcome", "Hello");
        String last = content.add(course, sequential, "vertical", "Unit 2", null);

        JsonNode copy = body(content.post("/api/blocks/" + vertical + "/duplicate", "").expectStatus().isCreated());

        String copiedUnit = copy.path("usage_key").asString();
        assertThat(content.block(sequential).path("children").valueStream().map(JsonNode::asString))
                .containsExactly(vertical, copiedUnit, last);
        String copiedHtml = copy.path("children").get(0).asString();
        assertThat(content.block(copiedHtml).path("text").asString()).isEqualTo("Hello");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.xblockEventsOf(copiedHtml))
                .singleElement().satisfies(message -> assertThat(ContentClient.map(message.value()))
                        .isEqualTo(Map.of("xblock_info", Map.of("usage_key", copiedHtml, "block_type", "html",
                                "source_usage_key", html)))));
    }

    @Test
    void a_course_publish_publishes_the_blocks_changed_since_their_last_publish_once_each() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);

        content.post("/api/courses/" + course + "/publish", "").expectStatus().isAccepted();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(content.xblockEventsOf(chapter)).hasSize(1);
            assertThat(content.xblockEventsOf(sequential)).hasSize(1);
        });
        content.edit(sequential, "Lesson 1, revised", null);
        content.post("/api/courses/" + course + "/publish", "").expectStatus().isAccepted();

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.xblockEventsOf(sequential))
                .extracting(message -> message.header("ce_type"))
                .containsExactly(ContentAuthoringEvents.XBlockPublished.TYPE,
                        ContentAuthoringEvents.XBlockPublished.TYPE));
        await().atMost(EVENTUALLY).until(() -> content.pendingReactions() == 0);
        assertThat(content.xblockEventsOf(chapter)).as("unchanged since its publish").hasSize(1);
        assertThat(content.block(sequential).path("published_at").isNull()).isFalse();
    }

    @Test
    void a_block_publish_publishes_its_subtree() {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);

        JsonNode published = body(content.post("/api/blocks/" + chapter + "/publish", "").expectStatus()
                .isAccepted());

        assertThat(published.path("published").valueStream().map(JsonNode::asString))
                .containsExactly(chapter, sequential);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(content.xblockEventsOf(sequential)).hasSize(1));
    }

    @Test
    void a_missing_course_or_block_is_404_and_a_malformed_key_400() {
        content.post("/api/courses/course-v1:edX+Nope+2026/blocks", Map.of("block_type", "chapter",
                "display_name", "x")).expectStatus().isNotFound();
        content.get("/api/blocks/block-v1:edX+Nope+2026+type@html+block@none").expectStatus().isNotFound();
        content.get("/api/blocks/not-a-key").expectStatus().isBadRequest();
    }

    private void assertBadRequest(String course, Map<String, Object> body, String field) {
        JsonNode problem = body(content.post("/api/courses/" + course + "/blocks", body).expectStatus()
                .isBadRequest());
        assertThat(problem.toString()).contains(field);
    }
}
