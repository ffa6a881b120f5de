package org.openedx.suite.discovery.courserun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.discovery.courserun.Catalog.body;
import static org.openedx.suite.discovery.courserun.Catalog.catalogInfo;
import static org.openedx.suite.discovery.courserun.Catalog.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openedx.suite.discovery.DiscoveryServiceTest;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Searching the catalog: by the words of a title or key, ignoring case, a page at a time; listing it in key order.
 * The search index follows the catalog a moment after each change, so the runs are searched for once they are found.
 */
@DiscoveryServiceTest
class CourseRunSearchTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final Catalog catalog;
    String token;
    String physics;
    String chemistry;
    String biology;

    CourseRunSearchTest(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Three runs whose titles and keys carry a token no other test uses, in the catalog and in its search index. */
    @BeforeEach
    void catalogWithThreeRuns() {
        token = "Q" + UUID.randomUUID().toString().substring(0, 6);
        physics = "course-v1:MITx+" + token + "_PHY+2026";
        chemistry = "course-v1:MITx+" + token + "_CHEM+2026";
        biology = "course-v1:HarvardX+BIO_" + token + "+2026";
        Instant now = Instant.parse("2026-05-04T12:00:00Z");
        catalog.publish(catalogInfo(physics, "Quantum Physics " + token), now);
        catalog.publish(catalogInfo(chemistry, "Organic Chemistry"), now);
        catalog.publish(catalogInfo(biology, "Introduction to Biology"), now);
        for (String key : List.of(physics, chemistry, biology)) {
            await().atMost(EVENTUALLY).until(() -> catalog.runOrNull(key), Objects::nonNull);
        }
        await().atMost(EVENTUALLY).until(() -> keysFound(token).size() == 3);
    }

    @Test
    void runs_are_found_by_the_words_of_their_title_and_their_beginnings_ignoring_case() {
        assertThat(keysFound("quantum physics " + token.toLowerCase())).containsExactly(physics);
        assertThat(keysFound("ORGANIC chem")).contains(chemistry).doesNotContain(physics, biology);
    }

    @Test
    void runs_are_found_by_the_words_of_their_key_ignoring_case() {
        assertThat(keysFound(token)).containsExactlyInAnyOrder(physics, chemistry, biology);
        assertThat(keysFound(token.toLowerCase() + "_phy")).containsExactly(physics);
        assertThat(keysFound("harvardx+bio_" + token)).containsExactly(biology);
    }

    /** Was "matched literally, not as a pattern" (LIKE): the text is now words, and punctuation only separates them. */
    @Test
    void like_wildcards_are_no_wildcards_but_separate_words_and_match_nothing_on_their_own() {
        assertThat(keysFound(token + "%")).containsExactlyInAnyOrder(physics, chemistry, biology);
        assertThat(keysFound("%")).isEmpty();
        assertThat(keysFound("_%_")).isEmpty();
    }

    /** The listing shows what a search may find, so no hidden run (CatalogSyncTest publishes one) and is counted so. */
    @Test
    void without_a_query_every_visible_run_is_listed_a_page_at_a_time_in_key_order() {
        int total = catalog.visibleRuns();
        await().atMost(EVENTUALLY).until(() -> body(catalog.get("/api/course-runs?size=1")).get("total").asLong()
                == total);

        JsonNode first = body(catalog.get("/api/course-runs?page=1&size=2").expectStatus().isOk());
        JsonNode second = body(catalog.get("/api/course-runs?page=2&size=2").expectStatus().isOk());

        assertThat(first.get("total").asLong()).isEqualTo(total);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        List<String> keys = new ArrayList<>(keys(first));
        keys.addAll(keys(second));
        assertThat(keys).doesNotHaveDuplicates().isSorted();
        JsonNode everything = body(catalog.get("/api/course-runs?size=100").expectStatus().isOk());
        assertThat(everything.get("total").asLong()).isEqualTo(total);
        assertThat(body(catalog.get("/api/course-runs?q=").expectStatus().isOk()).get("total").asLong())
                .isEqualTo(total);
    }

    @Test
    void a_search_result_page_has_the_runs_in_full() {
        JsonNode page = body(catalog.get("/api/course-runs?q=" + token + "_PHY").expectStatus().isOk());

        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode item = page.get("items").get(0);
        assertThat(item).isEqualTo(catalog.runOrNull(physics));
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("key", "course", "title", "start", "end",
                "enrollment_start", "enrollment_end", "pacing_type", "hidden", "invitation_only", "modified");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "size=0", "size=101", "page=first"})
    void a_page_outside_the_allowed_range_is_refused_naming_the_parameter(String query) {
        String parameter = query.substring(0, query.indexOf('='));
        catalog.get("/api/course-runs?" + query).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"course-v1:edX+DemoX", "edX+DemoX+2026", "course-v1:edX+Demo X+2026"})
    void a_malformed_course_key_is_refused_naming_it(String malformed) {
        catalog.get(run(malformed)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("course_key");
    }

    @Test
    void the_service_describes_its_api_in_snake_case_and_reports_its_health() {
        catalog.get("/v3/api-docs").expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/course-runs']").exists()
                .jsonPath("$.paths['/api/course-runs/{course_key}']").exists()
                .jsonPath("$.components.schemas.CourseRun.properties.pacing_type.enum")
                .value(values -> assertThat(values.toString()).contains("instructor_paced", "self_paced"))
                .jsonPath("$.components.schemas.CourseRun.properties.invitation_only").exists()
                .jsonPath("$.components.schemas.Page.properties.items").exists()
                .jsonPath("$.components.schemas.Page.properties.total").exists();
        catalog.get("/swagger-ui/index.html").expectStatus().isOk();
        catalog.get("/actuator/health").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void only_the_operator_reads_and_replays_dead_letters_and_health_details() {
        catalog.checkOperatorEndpointsGuarded();
    }

    private List<String> keysFound(String text) {
        JsonNode page = body(catalog.search(text).expectStatus().isOk());
        return keys(page);
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("items").forEach(item -> keys.add(item.get("key").asString()));
        return keys;
    }
}
