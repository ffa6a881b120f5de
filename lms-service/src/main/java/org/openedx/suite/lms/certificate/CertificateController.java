package org.openedx.suite.lms.certificate;

import java.util.List;

import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.CourseKey;
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

    private final Certificates certificates;
    private final Users users;
    private final Courses courses;

    CertificateController(Certificates certificates, Users users, Courses courses) {
        this.certificates = certificates;
        this.users = users;
        this.courses = courses;
    }

    /** Every certificate of the learner, whatever its status. */
    @GetMapping
    public List<CertificateView> of(@RequestParam String username) {
        return certificates.of(users.require(username));
    }

    /** Sets the certificate {@code unavailable}, for good; 404 when the learner has no certificate in the course. */
    @PostMapping("/{course_key}/{username}/invalidate")
    public CertificateView invalidate(@PathVariable("course_key") @CourseKey String courseKey,
                                      @PathVariable String username) {
        return certificates.invalidate(users.require(username), courses.require(courseKey));
    }
}
