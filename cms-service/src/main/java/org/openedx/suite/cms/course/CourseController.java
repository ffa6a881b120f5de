package org.openedx.suite.cms.course;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.ResultPage;
import org.openedx.suite.web.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/courses", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "courses", description = "Author courses and publish them to the catalog")
@ApiResponse(responseCode = "400", description = "invalid request; the problem names the field, nothing changed",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
class CourseController {

    private static final String COURSE_KEY = "a course key, course-v1:ORG+NUMBER+RUN, as it is";
    private static final String EXAMPLE_KEY = "course-v1:edX+DemoX+2026";

    private final Courses courses;

    CourseController(Courses courses) {
        this.courses = courses;
    }

    @PostMapping
    @Operation(summary = "Create a course (not yet published)")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "409", description = "a course with this key exists",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CourseResponse> create(@Valid @RequestBody NewCourse request) {
        CourseResponse course = courses.create(request);
        return ResponseEntity.created(URI.create("/api/courses/" + course.courseKey())).body(course);
    }

    @PutMapping("/{course_key}")
    @Operation(summary = "Edit a course; the change reaches the catalog when the course is next published")
    @ApiResponse(responseCode = "200", description = "edited")
    @ApiResponse(responseCode = "404", description = "no such course",
            content = @Content(mediaType = "application/problem+json"))
    CourseResponse edit(
            @Parameter(description = COURSE_KEY, example = EXAMPLE_KEY) @PathVariable("course_key") @CourseKey
            String courseKey,
            @Valid @RequestBody CourseEdit request) {
        return courses.edit(courseKey, request);
    }

    @PostMapping("/{course_key}/publish")
    @Operation(summary = "Publish a course: announce its current state with catalog_info.changed",
            description = "The event leaves once the publish has committed; "
                    + "its ce_time is the course's last edit time.")
    @ApiResponse(responseCode = "202", description = "accepted; the event will follow")
    @ApiResponse(responseCode = "404", description = "no such course",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PublishResponse> publish(
            @Parameter(description = COURSE_KEY, example = EXAMPLE_KEY) @PathVariable("course_key") @CourseKey
            String courseKey,
            Caller caller) {
        return ResponseEntity.accepted().body(courses.publish(courseKey, caller));
    }

    @GetMapping("/{course_key}")
    @Operation(summary = "A course")
    @ApiResponse(responseCode = "200", description = "the course")
    @ApiResponse(responseCode = "404", description = "no such course",
            content = @Content(mediaType = "application/problem+json"))
    CourseResponse get(
            @Parameter(description = COURSE_KEY, example = EXAMPLE_KEY) @PathVariable("course_key") @CourseKey
            String courseKey) {
        return courses.get(courseKey);
    }

    @GetMapping
    @Operation(summary = "All courses, a page at a time, ordered by course key")
    @ApiResponse(responseCode = "200", description = "one page: {items, page, size, total}")
    ResultPage<CourseResponse> list(
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
            int size) {
        return courses.list(page, size);
    }
}
