package org.openedx.suite.insights.course;

import java.time.Instant;
import java.util.List;

import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.security.Caller;
import org.openedx.suite.web.security.Scopes;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The courses insights knows and their figures: all of them for the operator and {@code insights:read}, else a staff
 * member's own courses. */
@RestController
@Validated
@RequestMapping("/api/courses")
class CourseController {

    private final CourseFigures figures;

    CourseController(CourseFigures figures) {
        this.figures = figures;
    }

    /** The courses with statements that the caller may see, with how many statements insights holds of each. */
    @GetMapping
    List<CourseResponse> courses(Caller caller) {
        boolean all = caller.isAdmin() || caller.hasScope(Scopes.INSIGHTS_READ);
        return figures.courses().stream()
                .filter(course -> all || caller.isStaffOf(course.courseKey()))
                .toList();
    }

    /** The course's figures (InsightsAccess lets its staff and {@code insights:read} in). */
    @GetMapping("/{course_key}/insights")
    CourseInsightsResponse insights(@PathVariable("course_key") @CourseKey String courseKey) {
        return figures.of(courseKey).orElseThrow(() ->
                ApiException.notFound("insights holds no statement of course " + courseKey));
    }

    record CourseResponse(String courseKey, long statements, Instant lastEvent) {
    }
}
