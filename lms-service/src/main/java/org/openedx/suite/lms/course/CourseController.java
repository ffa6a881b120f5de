package org.openedx.suite.lms.course;

import java.math.BigDecimal;
import java.time.Instant;

import org.openedx.suite.contracts.CourseKey;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/courses")
@Validated
class CourseController {

    private final Courses courses;

    CourseController(Courses courses) {
        this.courses = courses;
    }

    @GetMapping("/{course_key}")
    public CourseOverviewResponse get(@PathVariable("course_key") @CourseKey String courseKey) {
        return CourseOverviewResponse.of(courses.require(courseKey), courses.policyOf(courseKey));
    }

    record CourseOverviewResponse(String courseKey, String displayName, Instant start, Instant end,
                                  Instant enrollmentStart, Instant enrollmentEnd, String pacing, boolean hidden,
                                  boolean invitationOnly, Instant modified, BigDecimal passingGrade,
                                  boolean creditCourse) {

        static CourseOverviewResponse of(CourseOverview overview, CoursePolicy policy) {
            return new CourseOverviewResponse(overview.courseKey(), overview.displayName(), overview.start(),
                    overview.end(), overview.enrollmentStart(), overview.enrollmentEnd(), overview.pacing(),
                    overview.hidden(), overview.invitationOnly(), overview.modified(), policy.passingGrade(),
                    policy.creditCourse());
        }
    }
}
