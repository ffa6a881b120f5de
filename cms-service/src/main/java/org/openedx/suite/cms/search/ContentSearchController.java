package org.openedx.suite.cms.search;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "search", description = "Search a course's content")
@ApiResponse(responseCode = "400", description = "invalid request; the problem names the parameter",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
class ContentSearchController {

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[^:]{1,64}:.{1,255}");

    private final ContentSearch search;

    ContentSearchController(ContentSearch search) {
        this.search = search;
    }

    @GetMapping(path = "/api/courses/{course_key}/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search a course's blocks: best match first, with highlights and tag facets",
            description = "q is matched against display names (counting most), texts and breadcrumbs, every word "
                    + "required; \"quoted phrases\", word* prefixes and -exclusions work. Each tags parameter "
                    + "(Taxonomy:value) keeps only blocks with that tag. The index follows changes within moments.")
    ContentSearchResponse search(
            @Parameter(description = "a course key, course-v1:ORG+NUMBER+RUN, as it is",
                    example = "course-v1:edX+DemoX+2026") @PathVariable("course_key") @CourseKey String courseKey,
            @Parameter(description = "words to find; every block of the course when absent")
            @RequestParam(required = false) @Size(max = 255) @Nullable String q,
            @Parameter(description = "Taxonomy:value, e.g. Language:fr; repeat for several")
            @RequestParam(required = false) @Size(max = 20) List<String> tags,
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") @Min(1) @Max(1000)
            int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
            int size) {
        List<String> filters = tags == null ? List.of() : tags;
        if (!filters.stream().allMatch(tag -> TAG.matcher(tag).matches())) {
            throw ApiException.badRequest("tags", "each must be Taxonomy:value, e.g. Language:fr");
        }
        return search.search(courseKey, q, filters, page, size);
    }
}
