package org.openedx.suite.lms.course;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import org.openedx.suite.web.CourseKey;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @PutMapping("/{course_key}/grading-policy")
    public GradingPolicyResponse setGradingPolicy(@PathVariable("course_key") @CourseKey String courseKey,
                                                  @Valid @RequestBody GradingPolicyRequest request) {
        CoursePolicy policy = courses.setPolicy(courseKey,
                request.passingGrade() == null ? GradingPolicy.DEFAULT_PASSING_GRADE : request.passingGrade(),
                request.creditCourse() != null && request.creditCourse());
        return new GradingPolicyResponse(courseKey, policy.passingGrade(), policy.creditCourse());
    }

    /** Course percents have two decimals, so a passing grade with more would draw a line no percent can sit on. */
    record GradingPolicyRequest(
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 2) BigDecimal passingGrade,
            Boolean creditCourse) {
    }

    record GradingPolicyResponse(String courseKey, BigDecimal passingGrade, boolean creditCourse) {
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
