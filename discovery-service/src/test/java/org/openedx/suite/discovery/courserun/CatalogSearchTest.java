package org.openedx.suite.discovery.courserun;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.discovery.courserun.Catalog.body;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.openedx.suite.discovery.DiscoveryServiceTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's search over 200 runs of four organizations of this test's own, published through the catalog topic:
 * ranked words with typos and beginnings, filters, facets, hidden runs and pages. Each search names the four
 * organizations (or a fifth), so the runs other tests publish to the shared service never count.
 */
@DiscoveryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** Generic subjects: none has a word like those the typo and beginning searches look for. */
    private static final List<String> SUBJECTS = List.of("Linear Algebra", "Music Theory", "World History",
            "Data Science", "Machine Learning", "Human Anatomy", "Contract Law", "Creative Writing", "Probability",
            "Microeconomics", "Ethics", "Linguistics", "Climate Science", "Graphic Design", "Public Speaking",
            "Marine Biology", "Ancient Rome", "Robotics", "Cryptography", "Nutrition");

    private final Catalog catalog;
    private final JdbcTemplate jdbc;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final List<String> orgs = Stream.of("MITx", "HarvardX", "DelftX", "BerkeleyX")
            .map(org -> org + "_" + suffix).toList();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Run> runs = new ArrayList<>();

    private Run quantumPhysics;
    private Run hiddenQuantumPhysics;
    private Run physicsOfQuantumComputers;
    private Run quantumChemistry;
    private Run organicChemistry;
    private Run organMusic;
    private Run quantitativeFinance;

    CatalogSearchTest(Catalog catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** A run as this test publishes it. */
    record Run(String key, String org, String title, String pacing, Instant start, @Nullable Instant end,
               boolean hidden) {

        CourseCatalogData info() {
            return new CourseCatalogData(key, title, new CourseScheduleData(start, pacing, end, null, null), hidden,
                    false);
        }

        /** As the service decides it: upcoming, archived, or current. */
        String availability(Instant at) {
            if (start.isAfter(at)) {
                return "upcoming";
            }
            return end != null && end.isBefore(at) ? "archived" : "current";
        }
    }

    /**
     * Seven hand-picked runs (those searched for, with look-alikes and a hidden twin), then 193 generic ones: the
     * four organizations in turn, both pacings, archived, current (with and without an end) and upcoming (with and
     * without one), one in ten hidden, one in four a "Workshop". All in one burst, as a busy CMS publishes; each run
     * is a course of its own, as runs of one course arriving together on different partitions race to create the
     * course's row, which is the catalog consumer's matter, not the search's.
     */
    @BeforeAll
    void twoHundredRunsOfFourOrganizations() {
        quantumPhysics = add(orgs.get(0), "PHY101", "2026_T1", "Quantum Physics", "self", -20, 40, false);
        hiddenQuantumPhysics = add(orgs.get(1), "PHY101", "2026_T1", "Quantum Physics", "self", -20, 40, true);
        physicsOfQuantumComputers = add(orgs.get(2), "QC200", "2026", "Physics of Quantum Computers", "instructor",
                -5, 90, false);
        quantumChemistry = add(orgs.get(3), "CHEM301", "2026", "Quantum Chemistry", "instructor", 10, 100, false);
        organicChemistry = add(orgs.get(0), "CHEM110", "2026_T2", "Organic Chemistry", "instructor", -50, -10,
                false);
        organMusic = add(orgs.get(1), "MUS120", "2026", "Organ Music", "self", -3, null, false);
        quantitativeFinance = add(orgs.get(2), "FIN400", "2027", "Quantitative Finance", "self", 30, null, false);
        for (int i = runs.size(); i < 200; i++) {
            String subject = SUBJECTS.get(i % SUBJECTS.size());
            String code = subject.substring(0, 3).toUpperCase() + (100 + i);
            String title = subject + (i % 4 == 1 ? " Workshop" : "");
            String pacing = i % 3 == 0 ? "self" : "instructor";
            int[] days = switch (i % 5) {
                case 0 -> new int[] {-200, -100};
                case 1 -> new int[] {-30, 60};
                case 2 -> new int[] {-10, Integer.MIN_VALUE};
                case 3 -> new int[] {30, 120};
                default -> new int[] {5, Integer.MIN_VALUE};
            };
            add(orgs.get(i % 4), code, i % 2 == 0 ? "2026_T1" : "2026_T2", title, pacing, days[0],
                    days[1] == Integer.MIN_VALUE ? null : days[1], i % 10 == 7);
        }
        catalog.publishTogether(runs.stream().map(run -> new Catalog.Published(run.info(), now)).toList());
        long visible = runs.stream().filter(run -> !run.hidden()).count();
        await().atMost(EVENTUALLY).until(() -> find(withOrgs("size", "1")).get("total").asLong() == visible);
    }

    private Run add(String org, String number, String runPart, String title, String pacing, int startDays,
                    @Nullable Integer endDays, boolean hidden) {
        Run run = new Run("course-v1:" + org + "+" + number + "+" + runPart, org, title, pacing,
                now.plus(startDays, ChronoUnit.DAYS), endDays == null ? null : now.plus(endDays, ChronoUnit.DAYS),
                hidden);
        runs.add(run);
        return run;
    }

    @Test
    void a_misspelled_query_finds_the_intended_run_first() {
        assertThat(keys(find(withOrgs("q", "quantm fysics"))))
                .startsWith(quantumPhysics.key()).contains(physicsOfQuantumComputers.key())
                .doesNotContain(hiddenQuantumPhysics.key(), quantumChemistry.key());
        // one typo ranks above two
        assertThat(keys(find(withOrgs("q", "organik")))).containsExactly(organicChemistry.key(), organMusic.key());
        assertThat(keys(find(withOrgs("q", "Quantum Physics")))).startsWith(quantumPhysics.key());
    }

    @Test
    void a_word_is_found_by_its_beginning() {
        JsonNode found = find(withOrgs("q", "quan", "size", "100"));

        assertThat(keys(found)).containsExactlyInAnyOrder(quantumPhysics.key(), physicsOfQuantumComputers.key(),
                quantumChemistry.key(), quantitativeFinance.key());
        assertThat(keys(find(withOrgs("q", "organic chem")))).containsExactly(organicChemistry.key());
    }

    @Test
    void a_run_is_found_by_the_words_of_its_key_and_first_by_its_whole_key() {
        Run generic = runs.get(42);
        String term = generic.key().endsWith("T1") ? "T1" : "T2";

        // every run of the term has the key's words but the course's; the run itself has them all, and comes first
        assertThat(keys(find(withOrgs("q", generic.key(), "size", "100")))).containsExactly(generic.key());
        assertThat(keys(find(withOrgs("q", "course-v1 2026 " + term, "size", "100")))).hasSizeGreaterThan(50)
                .containsAll(visible(run -> run.key().endsWith("2026_" + term)));
        assertThat(keys(find(withOrgs("q", generic.key().toLowerCase().replace("course-v1:", "COURSE V1 "),
                "size", "100")))).startsWith(generic.key());
        // the organization, the course's number and the run are words of the key, found by their beginnings too
        assertThat(find(withOrgs("q", "MITx", "size", "1")).get("total").asLong())
                .isEqualTo(visible(run -> run.org().equals(orgs.get(0))).size());
        assertThat(keys(find(withOrgs("q", "PHY101")))).containsExactly(quantumPhysics.key());
        assertThat(keys(find(withOrgs("q", "harv phy")))).isEmpty();
        assertThat(keys(find(withOrgs("q", "mit phy")))).containsExactly(quantumPhysics.key());
    }

    @Test
    void filters_narrow_the_runs_and_the_facets_count_all_the_runs_found() {
        checkCounts(find(withOrgs("size", "100")), run -> true);
        checkCounts(find(withOrgs("q", "workshop", "size", "100")), run -> run.title().endsWith("Workshop"));
        checkCounts(find(withOrgs("pacing", "self", "availability", "upcoming", "size", "100")),
                run -> run.pacing().equals("self") && run.availability(now).equals("upcoming"));
        checkCounts(find("org", orgs.get(1), "org", orgs.get(3), "q", "workshop", "availability", "archived",
                "size", "100"), run -> (run.org().equals(orgs.get(1)) || run.org().equals(orgs.get(3)))
                && run.title().endsWith("Workshop") && run.availability(now).equals("archived"));
        for (String availability : List.of("current", "upcoming", "archived")) {
            JsonNode found = find(withOrgs("availability", availability, "size", "100"));
            checkCounts(found, run -> run.availability(now).equals(availability));
            found.get("items").forEach(item -> assertThat(byKey(item.get("key").asString()).availability(now))
                    .isEqualTo(availability));
        }
        JsonNode instructorPaced = find(withOrgs("pacing", "instructor", "size", "100"));
        checkCounts(instructorPaced, run -> run.pacing().equals("instructor"));
        instructorPaced.get("items").forEach(item ->
                assertThat(item.get("pacing_type").asString()).isEqualTo("instructor_paced"));
        // an organization no run has
        assertThat(find("org", "NoSuchX_" + suffix).get("total").asLong()).isZero();
    }

    @Test
    void hidden_runs_are_never_found_but_can_be_read() {
        List<String> hidden = runs.stream().filter(Run::hidden).map(Run::key).toList();
        assertThat(hidden).hasSizeGreaterThan(10);

        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            listed.addAll(keys(find(withOrgs("page", String.valueOf(page), "size", "100"))));
        }
        assertThat(listed).hasSize(visible(run -> true).size()).doesNotContainAnyElementsOf(hidden);
        assertThat(keys(find(withOrgs("q", "quantum physics")))).doesNotContain(hiddenQuantumPhysics.key());
        assertThat(keys(find(withOrgs("q", hiddenQuantumPhysics.key())))).doesNotContain(hiddenQuantumPhysics.key());
        assertThat(catalog.runOrNull(hiddenQuantumPhysics.key()).get("hidden").asBoolean()).isTrue();
    }

    @Test
    void the_runs_found_come_a_page_at_a_time_in_the_same_order() {
        List<String> ranked = keys(find(withOrgs("q", "workshop", "size", "100")));
        List<String> paged = new ArrayList<>();
        for (int page = 1; paged.size() < ranked.size(); page++) {
            JsonNode found = find(withOrgs("q", "workshop", "page", String.valueOf(page), "size", "7"));
            assertThat(found.get("page").asInt()).isEqualTo(page);
            assertThat(found.get("size").asInt()).isEqualTo(7);
            assertThat(found.get("total").asLong()).isEqualTo(ranked.size());
            assertThat(found.get("items").size()).isBetween(1, 7);
            paged.addAll(keys(found));
        }
        assertThat(paged).isEqualTo(ranked).doesNotHaveDuplicates();

        List<String> listed = keys(find(withOrgs("page", "2", "size", "50")));
        assertThat(listed).hasSize(50).isSorted()
                .isEqualTo(visible(run -> true).stream().sorted().skip(50).limit(50).toList());
        assertThat(keys(find(withOrgs("page", "5", "size", "100")))).isEmpty();
    }

    @Test
    void a_run_published_again_with_a_new_title_is_found_by_the_new_title_only() {
        String org = "EdinburghX_" + suffix;
        String key = "course-v1:" + org + "+THERMO1+2026";
        catalog.publish(new CourseCatalogData(key, "Thermodynamics Seminar", new CourseScheduleData(now,
                "instructor", null, null, null), false, false), now);
        await().atMost(EVENTUALLY).until(() -> keys(find("org", org, "q", "thermodynamics")).equals(List.of(key)));

        catalog.publish(new CourseCatalogData(key, "Fluid Mechanics Seminar", new CourseScheduleData(now,
                "instructor", null, null, null), false, false), now.plusSeconds(60));

        await().atMost(EVENTUALLY).until(() -> keys(find("org", org, "q", "fluid mechanics")).equals(List.of(key)));
        assertThat(keys(find("org", org, "q", "thermodynamics"))).isEmpty();
        assertThat(keys(find("org", org, "q", "seminar"))).containsExactly(key);
        assertThat(find("org", org).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_reaction_that_has_run_leaves_no_publication_behind() {
        // completion-mode delete: a publication is deleted once its reaction has run
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject("SELECT count(*) FROM event_publication",
                Integer.class) == 0);
    }

    @ParameterizedTest
    @CsvSource({"pacing, pacing=fast", "pacing, pacing=SELF", "availability, availability=later", "size, size=0",
            "page, page=101&size=100", "q, q=Q256", "org, org=O256", "org, org=MITx&org=O256", "org, ORGS51"})
    void bad_input_is_refused_naming_the_parameter_and_changes_nothing(String parameter, String query) {
        String sent = query.replace("Q256", "q".repeat(256)).replace("O256", "o".repeat(256))
                .replace("ORGS51", String.join("&", IntStream.range(0, 51).mapToObj(i -> "org=X" + i).toList()));
        int stored = catalog.storedRuns();

        catalog.get("/api/course-runs?" + sent).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith(parameter + ": "));

        assertThat(catalog.storedRuns()).isEqualTo(stored);
    }

    @Test
    void the_api_describes_the_filters_and_the_facets() {
        catalog.get("/v3/api-docs").expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/course-runs'].get.parameters[?(@.name == 'org')].schema.type")
                .value(type -> assertThat(type.toString()).contains("array"))
                .jsonPath("$.paths['/api/course-runs'].get.parameters[?(@.name == 'pacing')].schema.enum")
                .value(values -> assertThat(values.toString()).contains("instructor", "self"))
                .jsonPath("$.paths['/api/course-runs'].get.parameters[?(@.name == 'availability')].schema.enum")
                .value(values -> assertThat(values.toString()).contains("current", "upcoming", "archived"))
                .jsonPath("$.components.schemas.CourseRunPage.properties.facets").exists()
                .jsonPath("$.components.schemas.CourseRunFacets.properties.availability").exists();
    }

    /** The page's total and facets are those of the visible runs of the four organizations that {@code found}. */
    private void checkCounts(JsonNode page, Predicate<Run> found) {
        List<Run> expected = runs.stream().filter(run -> !run.hidden()).filter(found).toList();
        assertThat(page.get("total").asLong()).as("total").isEqualTo(expected.size());
        if (expected.size() <= page.get("size").asInt()) {
            assertThat(keys(page)).as("runs").containsExactlyInAnyOrderElementsOf(
                    expected.stream().map(Run::key).toList());
        }
        JsonNode facets = page.get("facets");
        assertThat(counts(facets.get("org"))).as("org facet").isEqualTo(countBy(expected, Run::org, List.of()));
        assertThat(counts(facets.get("pacing"))).as("pacing facet")
                .isEqualTo(countBy(expected, Run::pacing, List.of("instructor", "self")));
        assertThat(counts(facets.get("availability"))).as("availability facet")
                .isEqualTo(countBy(expected, run -> run.availability(now), List.of("current", "upcoming", "archived")));
    }

    /** How many runs have each value; the values listed count even when no run has them. */
    private static Map<String, Long> countBy(List<Run> runs, Function<Run, String> value, List<String> always) {
        Map<String, Long> counts = new LinkedHashMap<>();
        always.forEach(v -> counts.put(v, 0L));
        counts.putAll(runs.stream().collect(groupingBy(value, counting())));
        return counts;
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facet.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private List<String> visible(Predicate<Run> which) {
        return runs.stream().filter(run -> !run.hidden()).filter(which).map(Run::key).toList();
    }

    private Run byKey(String key) {
        return runs.stream().filter(run -> run.key().equals(key)).findFirst().orElseThrow();
    }

    /** The parameters, and the four organizations of this test. */
    private String[] withOrgs(String... parameters) {
        return Stream.concat(Arrays.stream(parameters),
                orgs.stream().flatMap(org -> Stream.of("org", org))).toArray(String[]::new);
    }

    private JsonNode find(String... parameters) {
        return Objects.requireNonNull(body(catalog.find(parameters).expectStatus().isOk()));
    }

    private static List<String> keys(JsonNode page) {
        return IntStream.range(0, page.get("items").size())
                .mapToObj(i -> page.get("items").get(i).get("key").asString()).toList();
    }
}
