package org.openedx.suite.cms.search;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.openedx.suite.cms.content.BlockType;

/** A page of search results, best match first, with tag facets counted over every match. */
@Schema(name = "ContentSearch")
record ContentSearchResponse(
        @Schema(description = "blocks matching, in all pages") long total,
        int page,
        int size,
        List<Hit> results,
        @Schema(description = "per facet (tags: per taxonomy), each value with the number of matching blocks",
                example = "{\"tags\": {\"Language\": {\"fr\": 12}, \"Difficulty\": {\"advanced\": 3}}}")
        Map<String, Map<String, Map<String, Long>>> facets) {

    /**
     * @param breadcrumbs the display names of the block's ancestors, the chapter first
     * @param highlights  per field ({@code display_name}, {@code text}), the passages that matched, marked up
     *                    with {@code <mark>}
     */
    @Schema(name = "ContentSearchHit")
    record Hit(String usageKey, BlockType blockType, String displayName, List<String> breadcrumbs,
               Map<String, List<String>> highlights) {
    }
}
