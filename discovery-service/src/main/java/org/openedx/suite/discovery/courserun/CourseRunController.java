package org.openedx.suite.discovery.courserun;

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
    @Operation(summary = "Search the catalog, a page at a time, ordered by key")
    @ApiResponse(responseCode = "200", description = "one page: {items, page, size, total}")
    ResultPage<CourseRunResponse> search(
            @Parameter(description = "text the run's title or key contains, ignoring case; all runs when absent")
            @RequestParam(required = false) @Size(max = 255) @Nullable String q,
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
            int size) {
        return runs.search(q, page, size);
    }
}
