package org.openedx.suite.discovery.courserun;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of the runs a search or listing found, with the facets of all of them. */
@Schema(name = "CourseRunPage", description = "One page of course runs: best match first for a search (q), in key "
        + "order for a listing; the facets count every run found, on every page")
record CourseRunPage(
        @Schema(description = "the runs on this page") List<CourseRunResponse> items,
        @Schema(description = "page number, from 1", example = "1") int page,
        @Schema(description = "page size asked for", example = "20") int size,
        @Schema(description = "runs found, on all pages together") long total,
        @Schema(description = "how many of the runs found have each organization, pacing and availability")
        Facets facets) {

    /**
     * Counts over every run found (the text and all the filters applied, the facet's own too).
     *
     * @param org          runs per organization, most first (the 100 largest)
     * @param pacing       runs per pacing, {@code instructor} and {@code self}
     * @param availability runs per availability at the time of the search, {@code current}, {@code upcoming} and
     *                     {@code archived}
     */
    @Schema(name = "CourseRunFacets")
    record Facets(
            @Schema(example = "{\"MITx\": 12, \"HarvardX\": 7}") Map<String, Long> org,
            @Schema(example = "{\"instructor\": 15, \"self\": 4}") Map<String, Long> pacing,
            @Schema(example = "{\"current\": 9, \"upcoming\": 6, \"archived\": 4}") Map<String, Long> availability) {
    }
}
