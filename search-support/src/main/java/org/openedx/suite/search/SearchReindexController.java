package org.openedx.suite.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's full reindex (no access rule names it, so it is the operator's alone). */
@RestController
@Tag(name = "search", description = "The service's search indexes")
class SearchReindexController {

    private final SearchIndexes indexes;

    SearchReindexController(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    @PostMapping(path = "/api/search/reindex", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rebuild every search index of this service; searches keep answering meanwhile",
            description = "Edits that commit meanwhile are indexed once it is done. Refused (409, nothing written) "
                    + "when an index's size would change by more than suite.search.reindex-max-change.")
    @ApiResponse(responseCode = "200", description = "rebuilt: rows, and documents before and after, per index")
    @ApiResponse(responseCode = "409", description = "refused: an index would change too much in size")
    ReindexReport reindex(@Parameter(description = "rebuild even when the size changes more than allowed")
                          @RequestParam(defaultValue = "false") boolean force) {
        return indexes.reindex(force);
    }
}
