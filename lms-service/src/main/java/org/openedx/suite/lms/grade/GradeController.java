package org.openedx.suite.lms.grade;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.contracts.OpenEdxKeys;
import org.openedx.suite.contracts.UsageKey;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.learner.GradeResponse;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.ApiException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grades/{course_key}/{username}")
@Validated
class GradeController {

    private final Users users;
    private final Courses courses;
    private final LearnersInCourses learners;

    GradeController(Users users, Courses courses, LearnersInCourses learners) {
        this.users = users;
        this.courses = courses;
        this.learners = learners;
    }

    /** Records the learner's score; 404 unless the learner is enrolled in the course. */
    @PutMapping("/subsections/{usage_key}")
    public GradeResponse score(@PathVariable("course_key") @CourseKey String courseKey,
                           @PathVariable String username,
                           @PathVariable("usage_key") @UsageKey String usageKey,
                           @Valid @RequestBody ScoreRequest request) {
        if (!OpenEdxKeys.isBlockOf(usageKey, courseKey)) {
            throw ApiException.badRequest("usage_key", "must be a block of course " + courseKey);
        }
        if (request.earned().compareTo(request.possible()) > 0) {
            throw ApiException.badRequest("earned", "must not be greater than possible");
        }
        return learners.score(users.require(username), courses.require(courseKey), usageKey, request.earned(),
                request.possible());
    }

    /** 404 for a learner who is neither enrolled in the course nor has a score in it. */
    @GetMapping
    public GradeResponse get(@PathVariable("course_key") @CourseKey String courseKey, @PathVariable String username) {
        return learners.grades(users.require(username), courses.require(courseKey));
    }

    record ScoreRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 4) BigDecimal earned,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 4) BigDecimal possible) {
    }
}
