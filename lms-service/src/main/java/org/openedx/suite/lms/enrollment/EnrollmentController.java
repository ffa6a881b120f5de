package org.openedx.suite.lms.enrollment;

import java.time.Instant;

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
     * 201 for a new enrollment; 200 when the learner was enrolled already (the mode is set to the one given). A learner
     * enrols themselves; the run's staff enrol anyone.
     */
    @PostMapping
    public ResponseEntity<EnrollmentResponse> enroll(@Valid @RequestBody EnrollRequest request, Caller caller) {
        caller.require(caller.is(request.username()) || caller.isStaffOf(request.courseKey()),
                "enrol " + request.username() + " in " + request.courseKey());
        User user = users.require(request.username());
        CourseOverview course = courses.require(request.courseKey());
        var result = learners.enroll(user, course, CourseMode.fromWire(request.mode()));
        var body = new EnrollmentResponse(user.username(), course.courseKey(), request.mode(), true,
                result.createdAt());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    record EnrollRequest(
            @NotBlank String username,
            @NotNull @CourseKey String courseKey,
            @NotNull @Pattern(regexp = CourseMode.WIRE_NAMES, message = "must be one of audit, honor, verified, professional, no-id-professional, masters")
            String mode) {
    }

    record EnrollmentResponse(String username, String courseKey, String mode, boolean isActive, Instant created) {
    }
}
