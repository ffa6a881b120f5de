package org.openedx.suite.lms.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.enrollment.EnrollmentModeChanged;
import org.openedx.suite.lms.enrollment.Enrollments;
import org.openedx.suite.lms.grade.CourseGrades;
import org.openedx.suite.lms.grade.CoursePassingChanged;
import org.openedx.suite.lms.grade.Standing;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each learner's certificate in line with {@link CertificateRules} and announces every change on the bus, in
 * the transaction of the change that caused it. Each works under the lock of the learner's standing in the course.
 */
@Service
public class Certificates {

    private final CertificateRepository certificates;
    private final CourseGrades grades;
    private final Enrollments enrollments;
    private final Users users;
    private final Courses courses;
    private final EventPublisher publisher;

    Certificates(CertificateRepository certificates, CourseGrades grades, Enrollments enrollments, Users users,
                 Courses courses, EventPublisher publisher) {
        this.certificates = certificates;
        this.grades = grades;
        this.enrollments = enrollments;
        this.users = users;
        this.courses = courses;
        this.publisher = publisher;
    }

    /** The learner crossed the passing line (the standing is locked by the grades feature). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onPassingChanged(CoursePassingChanged change) {
        follow(change.user(), change.course(), change.standing(), change.at());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onModeChanged(EnrollmentModeChanged change) {
        User user = users.findById(change.userId()).orElseThrow();
        CourseOverview course = courses.find(change.courseKey()).orElseThrow();
        Standing standing = grades.lockStanding(user.id(), course.courseKey());
        follow(user, course, standing, Instant.now());
    }

    /** Invalidates the learner's certificate in the course, if they have one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invalidateIfAny(User user, CourseOverview course) {
        invalidateLocked(user, course);
    }

    @Transactional
    CertificateView invalidate(User user, CourseOverview course) {
        Certificate certificate = invalidateLocked(user, course).orElseThrow(
                () -> ApiException.notFound(user.username() + " has no certificate in " + course.courseKey()));
        return CertificateView.of(certificate, user);
    }

    /**
     * Reads the certificate only once the learner's standing is locked: read before, it could predate a concurrent
     * change, whose status the announcement would misreport as the previous one and whose mode it would overwrite.
     */
    private Optional<Certificate> invalidateLocked(User user, CourseOverview course) {
        Standing standing = grades.lockStanding(user.id(), course.courseKey());
        Instant now = Instant.now();
        Optional<Certificate> certificate = certificates.findByUserIdAndCourseKey(user.id(), course.courseKey());
        certificate.ifPresent(found -> apply(found, CertificateRules.invalidate(found.current()), user, course,
                standing, now));
        return certificate;
    }

    @Transactional(readOnly = true)
    List<CertificateView> of(User user) {
        return certificates.findByUserIdOrderByCourseKey(user.id()).stream()
                .map(certificate -> CertificateView.of(certificate, user)).toList();
    }

    private void follow(User user, CourseOverview course, Standing standing, Instant at) {
        var mode = enrollments.modeOf(user.id(), course.courseKey()).orElse(null);
        Optional<Certificate> existing = certificates.findByUserIdAndCourseKey(user.id(), course.courseKey());
        var outcome = CertificateRules.evaluate(existing.map(Certificate::current).orElse(null), mode,
                standing.passed());
        if (outcome.announcement() == CertificateRules.Announcement.NONE) {
            return;
        }
        apply(existing.orElseGet(() -> new Certificate(user.id(), course.courseKey(), at)), outcome, user, course,
                standing, at);
    }

    private void apply(Certificate certificate, CertificateRules.Outcome outcome, User user, CourseOverview course,
                       Standing standing, Instant at) {
        if (outcome.announcement() == CertificateRules.Announcement.NONE) {
            return;
        }
        String previousStatus = certificate.statusOrEmpty();
        certificate.change(outcome.certificate(), CertificateRules.gradeText(standing.percent()), at);
        certificates.save(certificate);
        var data = new CertificateData(user.toUserData(), course.toCourseData(), certificate.mode(),
                certificate.grade(), certificate.downloadUrl(), user.name(), certificate.status(), previousStatus);
        publisher.publish(typeOf(outcome.announcement()), new CertificateEvent(data), at);
    }

    private static EventType<CertificateEvent> typeOf(CertificateRules.Announcement announcement) {
        return switch (announcement) {
            case CREATED -> OpenEdxEvents.CERTIFICATE_CREATED;
            case CHANGED -> OpenEdxEvents.CERTIFICATE_CHANGED;
            case REVOKED -> OpenEdxEvents.CERTIFICATE_REVOKED;
            case NONE -> throw new IllegalArgumentException("nothing to announce");
        };
    }
}
