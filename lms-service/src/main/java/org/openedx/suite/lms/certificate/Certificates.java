package org.openedx.suite.lms.certificate;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openedx.suite.lms.grade.LearnerInCourse;
import org.openedx.suite.lms.grade.Standing;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * Reads ahead, in one query, the certificates of learners whose standings the transaction holds locked, for the
     * changes it makes to them next: a poll of exam events may invalidate many. For the rest of the transaction every
     * change to those certificates finds them here, and one created meanwhile is added, so the answer stays what the
     * database would give: nobody else changes a certificate without the learner's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void readAhead(Collection<LearnerInCourse> learners) {
        if (learners.isEmpty()) {
            return;
        }
        Map<Key, Certificate> read = readAhead();
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Certificates.this);
                }
            });
        }
        Map<Key, Certificate> found = new HashMap<>();
        certificates.findOfLearners(learners.stream().map(learner -> learner.user().id()).toArray(Long[]::new),
                        learners.stream().map(learner -> learner.course().courseKey()).toArray(String[]::new))
                .forEach(certificate -> found.put(Key.of(certificate), certificate));
        for (LearnerInCourse learner : learners) {
            Key key = new Key(learner.user().id(), learner.course().courseKey());
            // one read before, and perhaps changed or created since, is the one to go on with
            read.putIfAbsent(key, found.get(key));
        }
    }

    /**
     * Invalidates the learner's certificate in the course, if they have one.
     *
     * @param standing the learner's standing, which the caller holds locked, as its changes left it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invalidateIfAny(User user, CourseOverview course, Standing standing) {
        invalidate(user, course, standing);
    }

    @Transactional
    CertificateView invalidate(User user, CourseOverview course) {
        Certificate certificate = invalidate(user, course, grades.lockStanding(user.id(), course.courseKey()))
                .orElseThrow(() -> ApiException.notFound(
                        user.username() + " has no certificate in " + course.courseKey()));
        return CertificateView.of(certificate, user);
    }

    /**
     * Reads the certificate only once the learner's standing is locked: read before, it could predate a concurrent
     * change, whose status the announcement would misreport as the previous one and whose mode it would overwrite.
     */
    private Optional<Certificate> invalidate(User user, CourseOverview course, Standing lockedStanding) {
        Instant now = Instant.now();
        Optional<Certificate> certificate = find(user.id(), course.courseKey());
        certificate.ifPresent(found -> apply(found, CertificateRules.invalidate(found.current()), user, course,
                lockedStanding, now));
        return certificate;
    }

    @Transactional(readOnly = true)
    List<CertificateView> of(User user) {
        return certificates.findByUserIdOrderByCourseKey(user.id()).stream()
                .map(certificate -> CertificateView.of(certificate, user)).toList();
    }

    private void follow(User user, CourseOverview course, Standing standing, Instant at) {
        var mode = enrollments.modeOf(user.id(), course.courseKey()).orElse(null);
        Optional<Certificate> existing = find(user.id(), course.courseKey());
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
        Map<Key, Certificate> read = readAhead();
        if (read != null && read.containsKey(Key.of(certificate))) {
            read.put(Key.of(certificate), certificate);   // a certificate created since it was read ahead
        }
        var data = new CertificateData(user.toUserData(), course.toCourseData(), certificate.mode(),
                certificate.grade(), certificate.downloadUrl(), user.name(), certificate.status(), previousStatus);
        publisher.publish(typeOf(outcome.announcement()), new CertificateEvent(data), at);
    }

    /** The learner's certificate in the course, from what was read ahead if it was. */
    private Optional<Certificate> find(long userId, String courseKey) {
        Map<Key, Certificate> read = readAhead();
        Key key = new Key(userId, courseKey);
        if (read != null && read.containsKey(key)) {
            return Optional.ofNullable(read.get(key));
        }
        return certificates.findByUserIdAndCourseKey(userId, courseKey);
    }

    /** The certificates read ahead in this transaction, by learner and course; null for a learner without one. */
    @SuppressWarnings("unchecked")
    private Map<Key, Certificate> readAhead() {
        return (Map<Key, Certificate>) TransactionSynchronizationManager.getResource(this);
    }

    private record Key(long userId, String courseKey) {

        static Key of(Certificate certificate) {
            return new Key(certificate.userId(), certificate.courseKey());
        }
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
