package org.openedx.suite.lms.certificate;

import java.util.List;

import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.learner.CertificateResponse;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.contracts.CourseKey;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/certificates")
@Validated
class CertificateController {

    private final LearnersInCourses learners;
    private final Users users;
    private final Courses courses;

    CertificateController(LearnersInCourses learners, Users users, Courses courses) {
        this.learners = learners;
        this.users = users;
        this.courses = courses;
    }

    /** Every certificate of the learner, whatever its status. */
    @GetMapping
    public List<CertificateResponse> of(@RequestParam String username) {
        return learners.certificatesOf(users.require(username));
    }

    /** Sets the certificate {@code unavailable}, for good; 404 when the learner has no certificate in the course. */
    @PostMapping("/{course_key}/{username}/invalidate")
    public CertificateResponse invalidate(@PathVariable("course_key") @CourseKey String courseKey,
                                      @PathVariable String username) {
        return learners.invalidateCertificate(users.require(username), courses.require(courseKey));
    }
}
