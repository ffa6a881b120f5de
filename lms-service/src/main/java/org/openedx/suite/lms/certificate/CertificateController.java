package org.openedx.suite.lms.certificate;

import java.util.List;
import java.util.Map;

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
    private final ExternalCertificates external;

    CertificateController(LearnersInCourses learners, Users users, Courses courses, ExternalCertificates external) {
        this.learners = learners;
        this.users = users;
        this.courses = courses;
        this.external = external;
    }

    /**
     * Every certificate of the learner, whatever its status, with {@code external}: what the run's certificate
     * provider made of it ({@code status}, its {@code id} and {@code url}), or null when none was asked.
     */
    @GetMapping
    public List<CertificateView> of(@RequestParam String username) {
        Map<String, ExternalCertificates.ExternalCertificate> made = external.of(username);
        return learners.certificatesOf(users.require(username)).stream()
                .map(certificate -> CertificateView.of(certificate, made.get(certificate.courseKey()))).toList();
    }

    /** Sets the certificate {@code unavailable}, for good; 404 when the learner has no certificate in the course. */
    @PostMapping("/{course_key}/{username}/invalidate")
    public CertificateView invalidate(@PathVariable("course_key") @CourseKey String courseKey,
                                      @PathVariable String username) {
        CertificateResponse certificate = learners.invalidateCertificate(users.require(username),
                courses.require(courseKey));
        return CertificateView.of(certificate, external.of(username).get(courseKey));
    }

    record CertificateView(String courseKey, String username, String mode, String grade, String status,
                           String downloadUrl, ExternalCertificates.ExternalCertificate external) {

        static CertificateView of(CertificateResponse certificate,
                                  ExternalCertificates.ExternalCertificate external) {
            return new CertificateView(certificate.courseKey(), certificate.username(), certificate.mode(),
                    certificate.grade(), certificate.status(), certificate.downloadUrl(), external);
        }
    }
}
