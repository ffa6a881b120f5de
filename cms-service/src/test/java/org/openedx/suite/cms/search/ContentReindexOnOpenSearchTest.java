package org.openedx.suite.cms.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.cms.content.ContentClient;
import org.openedx.suite.testsupport.RealOpenSearch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ContentReindexTest} on a real OpenSearch node, where the reindex builds a new index beside the one searches
 * read and switches the read alias to it, or deletes it when its size is refused; and a reindex that stopped between
 * the two is repaired without losing an edit.
 */
@CmsServiceTest
class ContentReindexOnOpenSearchTest extends ContentReindexTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final ContentClient content;
    private final String readAlias;
    private final String writeAlias;
    private final HttpClient http = HttpClient.newHttpClient();

    ContentReindexOnOpenSearchTest(ContentClient content, JdbcTemplate jdbc,
                                   @Value("${suite.search.index-prefix}") String prefix) {
        super(content, jdbc);
        this.content = content;
        this.readAlias = prefix + "block-read";
        this.writeAlias = prefix + "block-write";
    }

    @DynamicPropertySource
    static void onOpenSearch(DynamicPropertyRegistry registry) {
        RealOpenSearch.searchIndexes(registry);
    }

    @Test
    void a_reindex_that_stopped_before_its_switch_is_repaired_and_no_edit_is_lost() throws Exception {
        String course = content.newCourse("en");
        String chapter = content.add(course, null, "chapter", "Week 1", null);
        String sequential = content.add(course, chapter, "sequential", "Lesson 1", null);
        String vertical = content.add(course, sequential, "vertical", "Unit 1", null);
        String page = content.add(course, vertical, "html", "Page", "quokka");
        await().atMost(EVENTUALLY).until(() -> content.found(course, "q=quokka").size() == 1);

        // what a reindex leaves when its process ends mid-build: the write alias on a new index, searches on the old
        String searched = indexOf(readAlias);
        String orphan = searched.replaceFirst("-\\d{6}$", "-000042");
        send("PUT", "/" + orphan, "{\"mappings\":" + get("/" + searched + "/_mapping").path(searched)
                .path("mappings") + "}");
        send("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + searched + "\",\"alias\":\""
                + writeAlias + "\"}},{\"add\":{\"index\":\"" + orphan + "\",\"alias\":\"" + writeAlias
                + "\",\"is_write_index\":true}}]}");
        content.edit(page, "Page", "wombat");
        await().atMost(EVENTUALLY).until(() -> content.pendingReactions() == 0);
        assertThat(content.found(course, "q=wombat")).as("indexed where no search reads").isEmpty();

        content.post("/api/search/reindex", "").expectStatus().isOk();

        assertThat(content.found(course, "q=wombat")).containsExactly(page);
        assertThat(content.found(course, "q=quokka")).isEmpty();
        assertThat(indexOf(writeAlias)).isEqualTo(indexOf(readAlias));
        assertThat(send("HEAD", "/" + orphan, null).statusCode()).as("the stopped build's index is gone")
                .isEqualTo(404);
    }

    private String indexOf(String alias) throws IOException, InterruptedException {
        JsonNode aliases = get("/_alias/" + alias);
        assertThat(aliases.size()).as("indexes named by %s", alias).isEqualTo(1);
        return aliases.propertyNames().iterator().next();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JsonMapper.shared().readTree(send("GET", path, null).body());
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RealOpenSearch.uri() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!"HEAD".equals(method)) {
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        }
        return response;
    }
}
