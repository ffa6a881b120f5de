package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.eventbus.LoadedRows;
import org.openedx.suite.eventbus.TrackingLog;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.user.User;

/**
 * One learner in one course run, as Open edX's LMS knows them: the enrollment mode, the subsection grades with their
 * overrides, the course grade and whether it passes, and the certificate. Every change goes through this object, and
 * only once {@link LearnersInCourses} has locked it: a change recomputes the course grade ({@link GradeModel}); a
 * crossing of the passing line is announced, and the certificate then follows {@link CertificateRules}, in the same
 * transaction and in the order of the changes.
 * <p>
 * Each change reads the clock as it is made, so after the lock was taken: the events of a change that waited for the
 * lock carry a later time than those of the change it waited for, and consumers that keep the newest event per
 * learner (credentials) end where the LMS ends. The time is cut to the microseconds the wire carries, so that what is
 * stored is what the events and tracking logs ({@link LearnerTracking}) of the change say. New rows are handed to JPA
 * as they are made; everything is written at the transaction's flush.
 */
public final class LearnerInCourse {

    private final User user;
    private final CourseOverview course;
    private final BigDecimal passingGrade;
    private final CourseGrade grade;
    private final LoadedRows<String, SubsectionGrade> subsections;
    private final Effects effects;
    private @Nullable Enrollment enrollment;
    private @Nullable Certificate certificate;

    LearnerInCourse(User user, CourseOverview course, BigDecimal passingGrade, CourseGrade grade,
                    LoadedRows<String, SubsectionGrade> subsections, @Nullable Enrollment enrollment,
                    @Nullable Certificate certificate, Effects effects) {
        this.user = user;
        this.course = course;
        this.passingGrade = passingGrade;
        this.grade = grade;
        this.subsections = subsections;
        this.enrollment = enrollment;
        this.certificate = certificate;
        this.effects = effects;
    }

    /**
     * What a learner in a course does beyond its own rows: adds new rows, announces changes on the bus, and emits
     * their tracking logs.
     */
    interface Effects {
        void create(Object row);

        void track(TrackingLog log);

        void announcePassing(LearnerInCourse learner, Instant at);

        void announceCertificate(LearnerInCourse learner, Certificate certificate, CertificateRules.Announcement how,
                                 String previousStatus, Instant at);
    }

    public User user() {
        return user;
    }

    public CourseOverview course() {
        return course;
    }

    public Standing standing() {
        return grade.standing();
    }

    /** Identifies a learner in a course run by the user and the course overview, as the LMS knows them. */
    public record Ref(User user, CourseOverview course) {

        Key key() {
            return new Key(user.id(), course.courseKey());
        }
    }

    /** What identifies a learner in a course run, and its rows. */
    record Key(long userId, String courseKey) {
    }

    /**
     * The learner's mode in the course, whether their enrollment is active or not; empty when they never enrolled. The
     * certificate rules go by it: a learner who unenrolls keeps their grades and certificate, as in Open edX, and a
     * certificate they hold still follows their grade.
     */
    public Optional<CourseMode> mode() {
        return Optional.ofNullable(enrollment).map(Enrollment::mode);
    }

    /** Whether the learner is enrolled now: an enrollment they left does not count (scores, submissions). */
    boolean isEnrolled() {
        return enrollment != null && enrollment.isActive();
    }

    Optional<Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    Optional<Enrollment> enrollment() {
        return Optional.ofNullable(enrollment);
    }

    /** The grades as the changes so far left them, subsections in the order of their usage keys. */
    GradeResponse gradeResponse() {
        return GradeResponse.of(grade.standing(), subsections.all().stream()
                .sorted(Comparator.comparing(SubsectionGrade::usageKey))
                .map(GradeResponse.Subsection::of).toList());
    }

    /** Records the learner's own score on a subsection; an override on it stays. */
    void score(String usageKey, BigDecimal earned, BigDecimal possible) {
        Instant at = now();
        changeSubsection(usageKey, at, subsection -> subsection.score(earned, possible, at));
        recompute(at);
    }

    /**
     * Replaces the learner's earned points on a subsection. A subsection the learner has no score on yet gets a row of
     * 0 of 0 holding the override: it counts for nothing until the learner's score arrives, and then the override
     * applies to it.
     */
    public void override(String usageKey, BigDecimal earned, String feature) {
        Instant at = now();
        changeSubsection(usageKey, at, subsection -> subsection.override(earned, feature, at));
        recompute(at);
    }

    /** Removes the feature's override on a subsection, so that the learner's own score counts again. */
    public void removeOverride(String usageKey, String feature) {
        Instant at = now();
        subsections.find(usageKey).filter(subsection -> subsection.hasOverrideFrom(feature)).ifPresent(subsection ->
                changeOrRemove(usageKey, subsection, at, () -> subsection.removeOverride(at)));
    }

    /**
     * Clears the learner's score and any override on a subsection. The subsection keeps its possible points and so
     * still counts, at 0, as an unattempted subsection does in Open edX; a row that never had a score goes.
     */
    public void reset(String usageKey) {
        Instant at = now();
        subsections.find(usageKey).ifPresent(subsection -> changeOrRemove(usageKey, subsection, at, () -> {
            subsection.removeOverride(at);
            subsection.score(BigDecimal.ZERO, subsection.possible(), at);
        }));
    }

    /** Sets the certificate {@code unavailable}, for good. Returns it; empty when the learner has none. */
    public Optional<CertificateResponse> invalidateCertificate() {
        if (certificate != null) {
            change(CertificateRules.invalidate(certificate.current()), now());
        }
        return certificate().map(held -> CertificateResponse.of(held, user));
    }

    /**
     * Enrolls the learner, re-activates the enrollment they left, or moves their enrollment to the mode; the
     * certificate follows the mode.
     *
     * @return true when the learner had no enrollment before
     */
    boolean enroll(CourseMode mode) {
        Instant at = now();
        if (enrollment == null) {
            enrollment = new Enrollment(user.id(), course.courseKey(), mode, at);
            effects.create(enrollment);
            effects.track(LearnerTracking.enrollment(LearnerTracking.ENROLLMENT_ACTIVATED, this, mode, at));
            return true;
        }
        if (!enrollment.isActive()) {
            enrollment.activate(at);
            effects.track(LearnerTracking.enrollment(LearnerTracking.ENROLLMENT_ACTIVATED, this, mode, at));
        }
        if (enrollment.mode() != mode) {
            enrollment.changeMode(mode, at);
            effects.track(LearnerTracking.enrollment(LearnerTracking.ENROLLMENT_MODE_CHANGED, this, mode, at));
            followCertificate(at);
        }
        return false;
    }

    /**
     * Unenrolls the learner; their grades and certificate stay, as Open edX revokes no certificate on unenrolment.
     * An enrollment left already stays as it is.
     */
    void unenroll() {
        if (enrollment != null && enrollment.isActive()) {
            Instant at = now();
            enrollment.deactivate(at);
            effects.track(LearnerTracking.enrollment(LearnerTracking.ENROLLMENT_DEACTIVATED, this, enrollment.mode(),
                    at));
        }
    }

    /**
     * The course grade against the passing line as it was read once the lock was held, after the line moved; a
     * crossing is announced as any other.
     */
    void regrade() {
        recompute(now());
    }

    private void recompute(Instant at) {
        Standing after = GradeModel.standing(subsections.all().stream().map(SubsectionGrade::toScore).toList(),
                passingGrade);
        Standing before = grade.standing();
        boolean passedBefore = grade.everPassed();
        grade.update(after, at);
        if (GradeModel.crossesLine(before, after)) {
            effects.announcePassing(this, at);
            effects.track(LearnerTracking.passing(this, after.passed(), !passedBefore, at));
            followCertificate(at);
        }
    }

    /** The certificate as the rules want it for the learner's mode and passing now. */
    private void followCertificate(Instant at) {
        change(CertificateRules.evaluate(certificate().map(Certificate::current).orElse(null), mode().orElse(null),
                grade.standing().passed()), at);
    }

    /** Applies the rules' outcome to the certificate, made now if the learner has none, and announces it. */
    private void change(CertificateRules.Outcome outcome, Instant at) {
        if (outcome.announcement() == CertificateRules.Announcement.NONE) {
            return;
        }
        boolean first = certificate == null;
        Certificate changed = first ? new Certificate(user.id(), course.courseKey(), at) : certificate;
        String previousStatus = changed.statusOrEmpty();
        changed.change(outcome.certificate(), CertificateRules.gradeText(grade.standing().percent()), at);
        if (first) {
            certificate = changed;
            effects.create(changed);
        }
        effects.announceCertificate(this, changed, outcome.announcement(), previousStatus, at);
        switch (outcome.announcement()) {
            case CREATED -> effects.track(LearnerTracking.certificateCreated(this, changed, at));
            case REVOKED -> effects.track(LearnerTracking.certificateRevoked(this, changed, at));
            default -> {
                // a change that keeps it downloadable, or not, tracks nothing
            }
        }
    }

    /** A row that only held an override, made before the learner had a score, goes; any other is changed. */
    private void changeOrRemove(String usageKey, SubsectionGrade subsection, Instant at, Runnable change) {
        if (subsection.neverScored()) {
            subsections.remove(usageKey);
            effects.track(LearnerTracking.subsectionGrade(this, usageKey, null, at));
        } else {
            change.run();
            effects.track(LearnerTracking.subsectionGrade(this, usageKey, subsection, at));
        }
        recompute(at);
    }

    /** Changes the subsection's row; one the learner has none of yet starts as a row of 0 of 0. */
    private void changeSubsection(String usageKey, Instant at, Consumer<SubsectionGrade> change) {
        SubsectionGrade changed = subsections.change(usageKey,
                () -> new SubsectionGrade(user.id(), course.courseKey(), usageKey, at), change);
        effects.track(LearnerTracking.subsectionGrade(this, usageKey, changed, at));
    }

    /** A change's time, in the microseconds the wire carries. */
    private static Instant now() {
        return EventTimes.truncate(Instant.now());
    }
}
