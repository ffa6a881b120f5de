package org.openedx.suite.discovery.courserun;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.contracts.OpenEdxKeys;
import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.ResultPage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/course-runs", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "course runs", description = "The catalog's course runs, as the CMS last published them")
@ApiResponse(responseCode = "400", description = "invalid request; the problem names the parameter",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
class CourseRunController {

    /** The organizations one search may name. */
    static final int MAX_ORGS = 50;

    private final CourseRuns runs;

    CourseRunController(CourseRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/{course_key}")
    @Operation(summary = "A course run", description = "Known from the first catalog event for the run on.")
    @ApiResponse(responseCode = "200", description = "the run")
    @ApiResponse(responseCode = "404", description = "no catalog event for this run has arrived (yet)",
            content = @Content(mediaType = "application/problem+json"))
    CourseRunResponse get(
            @Parameter(description = "the run's course key, course-v1:ORG+NUMBER+RUN, as it is",
                    example = "course-v1:edX+DemoX+2026") @PathVariable("course_key") @CourseKey String courseKey) {
        return runs.get(courseKey);
    }

    @GetMapping("/{course_key}/history")
    @Operation(summary = "A course run's history",
            description = "The run as each applied catalog event left it, oldest first, a page at a time. An event "
                    + "older than one already applied to the run leaves no entry: newest wins.")
    @ApiResponse(responseCode = "200", description = "one page: {items, page, size, total}")
    @ApiResponse(responseCode = "404", description = "no catalog event for this run has arrived (yet)",
            content = @Content(mediaType = "application/problem+json"))
    ResultPage<HistoricalCourseRunResponse> history(
            @Parameter(description = "the run's course key, course-v1:ORG+NUMBER+RUN, as it is",
                    example = "course-v1:edX+DemoX+2026") @PathVariable("course_key") @CourseKey String courseKey,
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
            int size) {
        return runs.history(courseKey, page, size);
    }

    @GetMapping
    @Operation(summary = "Search the catalog, or list it, a page at a time",
            description = "With q: the runs that have every word of q (its first " + CourseRunQuery.MAX_WORDS
                    + "; a word is a run of letters and digits, case and accents aside) in their title or key, as a "
                    + "whole word, as the beginning of a word, or, in the title, with a typo (one in words of 3 to 5 "
                    + "letters, two in longer ones, none in words with digits); best match first, and a run whose "
                    + "key is q before all. Without q (or a blank one): the runs in key order. Hidden runs are never "
                    + "found (GET /api/course-runs/{course_key} shows them). The filters narrow either; the facets "
                    + "count every run found, all filters applied. The index follows the catalog a moment after a "
                    + "change. Only the first " + CourseRunSearch.DEEPEST + " runs found can be paged to.")
    @ApiResponse(responseCode = "200", description = "one page: {items, page, size, total, facets}")
    CourseRunPage search(
            @Parameter(description = "words of the run's title or key; every run when absent or blank",
                    example = "quantum physics") @RequestParam(required = false) @Size(max = 255) @Nullable String q,
            @Parameter(description = "only runs of this organization (ORG of course-v1:ORG+NUMBER+RUN, as it is, at "
                    + "most 255 characters); repeat for runs of any of several, up to " + MAX_ORGS, example = "MITx")
            @RequestParam(name = "org", required = false) @Size(max = MAX_ORGS) @Nullable List<String> org,
            @Parameter(description = "only runs paced this way",
                    schema = @Schema(type = "string", allowableValues = {"instructor", "self"}))
            @RequestParam(required = false) @Pattern(regexp = "instructor|self", message = "must be instructor or self")
            @Nullable String pacing,
            @Parameter(description = "only runs that, now, are current (started, and not ended), upcoming (start "
                    + "later) or archived (ended)",
                    schema = @Schema(type = "string", allowableValues = {"current", "upcoming", "archived"}))
            @RequestParam(required = false)
            @Pattern(regexp = Availability.VALUES, message = "must be current, upcoming or archived")
            @Nullable String availability,
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
            int size) {
        List<String> orgs = org == null ? List.of() : org;
        if (orgs.stream().anyMatch(name -> name.length() > OpenEdxKeys.MAX_LENGTH)) {
            throw ApiException.badRequest("org", "each must be at most " + OpenEdxKeys.MAX_LENGTH + " characters");
        }
        CourseRunQuery query = new CourseRunQuery(q, orgs,
                pacing == null ? null : PacingType.ofPacing(pacing).orElseThrow(),
                availability == null ? null : Availability.of(availability));
        return runs.search(query, page, size);
    }
}
