package org.openedx.suite.lms.grade;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.lms.course.CoursePolicy;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A course's grading policy: setting it may move learners across the passing line, so it regrades them. */
@RestController
@Validated
class GradingPolicyController {

    private final LearnersInCourses learners;

    GradingPolicyController(LearnersInCourses learners) {
        this.learners = learners;
    }

    @PutMapping("/api/courses/{course_key}/grading-policy")
    public GradingPolicyResponse setGradingPolicy(@PathVariable("course_key") @CourseKey String courseKey,
                                                  @Valid @RequestBody GradingPolicyRequest request) {
        CoursePolicy policy = learners.setGradingPolicy(courseKey,
                request.passingGrade() == null ? CoursePolicy.DEFAULT.passingGrade() : request.passingGrade(),
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
}
