package org.openedx.suite.lms.enrollment;

import java.time.Instant;
import java.util.function.BiFunction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.learner.CourseMode;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.security.Caller;
import org.openedx.suite.contracts.CourseKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enrollments")
@Validated
class EnrollmentController {

    private final Users users;
    private final Courses courses;
    private final LearnersInCourses learners;

    EnrollmentController(Users users, Courses courses, LearnersInCourses learners) {
        this.users = users;
        this.courses = courses;
        this.learners = learners;
    }

    /**
     * 201 for a new enrollment; 200 when the learner was enrolled already (the mode is set to the one given), or had
     * unenrolled (the enrollment is active again). A learner enrols themselves; the run's staff enrol anyone.
     */
    @PostMapping
    public ResponseEntity<EnrollmentResponse> enroll(@Valid @RequestBody EnrollRequest request, Caller caller) {
        caller.require(caller.is(request.username()) || caller.isStaffOf(request.courseKey()),
                "enrol " + request.username() + " in " + request.courseKey());
        User user = users.require(request.username());
        CourseOverview course = courses.require(request.courseKey());
        var result = learners.enroll(user, course, CourseMode.fromWire(request.mode()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(EnrollmentResponse.of(user, course, result));
    }

    /** The learner's enrollment, active or not; 404 when they never enrolled in the run. */
    @GetMapping("/{course_key}/{username}")
    public EnrollmentResponse get(@PathVariable("course_key") @CourseKey String courseKey,
                                  @PathVariable String username) {
        return ofLearner(courseKey, username, learners::enrollment);
    }

    /**
     * Unenrolls the learner (the learner themselves or the run's staff): 200 with the enrollment, now inactive; the
     * learner keeps their grades and certificate. 404 when they never enrolled in the run.
     */
    @DeleteMapping("/{course_key}/{username}")
    public EnrollmentResponse unenroll(@PathVariable("course_key") @CourseKey String courseKey,
                                       @PathVariable String username) {
        return ofLearner(courseKey, username, learners::unenroll);
    }

    /** What {@code action} does to the learner's enrollment; 404 for an unknown learner or course. */
    private EnrollmentResponse ofLearner(String courseKey, String username,
                                         BiFunction<User, CourseOverview, LearnersInCourses.Enrolled> action) {
        User user = users.require(username);
        CourseOverview course = courses.require(courseKey);
        return EnrollmentResponse.of(user, course, action.apply(user, course));
    }

    record EnrollRequest(
            @NotBlank String username,
            @NotNull @CourseKey String courseKey,
            @NotNull @Pattern(regexp = CourseMode.WIRE_NAMES, message = "must be one of audit, honor, verified, professional, no-id-professional, masters")
            String mode) {
    }

    record EnrollmentResponse(String username, String courseKey, String mode, boolean isActive, Instant created) {

        static EnrollmentResponse of(User user, CourseOverview course, LearnersInCourses.Enrolled enrolled) {
            return new EnrollmentResponse(user.username(), course.courseKey(), enrolled.mode().wireName(),
                    enrolled.active(), enrolled.createdAt());
        }
    }
}
