package org.openedx.suite.lms.grade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.course.GradingPolicyChanged;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners' subsection scores and course standings. Every change to a learner's scores in a course recomputes the
 * course grade ({@link GradeModel}); a crossing of the passing line is announced on the bus and to the certificates
 * feature, in the transaction of the change.
 * <p>
 * Changes to one learner's standing in one course are serialised by locking its {@code course_grade} row first, so
 * that concurrent changes (REST, exam events) see each other and a crossing is announced exactly once. The clock is
 * read only once the lock is held: the events of the change that waited then carry a later time than those of the
 * change it waited for, and consumers that keep the newest event per learner (credentials) end where the LMS ends.
 */
@Service
public class CourseGrades {

    /** The override feature of proctoring outcomes. */
    public static final String PROCTORING = "proctoring";

    private final SubsectionGradeRepository subsections;
    private final CourseGradeRepository courseGrades;
    private final Courses courses;
    private final Users users;
    private final EventPublisher publisher;
    private final ApplicationEventPublisher applicationEvents;

    CourseGrades(SubsectionGradeRepository subsections, CourseGradeRepository courseGrades, Courses courses,
                 Users users, EventPublisher publisher, ApplicationEventPublisher applicationEvents) {
        this.subsections = subsections;
        this.courseGrades = courseGrades;
        this.courses = courses;
        this.users = users;
        this.publisher = publisher;
        this.applicationEvents = applicationEvents;
    }

    /**
     * Locks the learner's standing in the course for the rest of the transaction and returns it. Anything that acts
     * on the standing (certificates) takes this lock first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Standing lockStanding(long userId, String courseKey) {
        return lock(userId, courseKey).standing();
    }

    /** Records the learner's own score on a subsection; an override on it stays. */
    @Transactional
    void score(User user, CourseOverview course, String usageKey, BigDecimal earned, BigDecimal possible) {
        CourseGrade grade = lock(user.id(), course.courseKey());
        Instant now = Instant.now();
        SubsectionGrade subsection = subsectionOf(user, course, usageKey, now);
        subsection.score(earned, possible, now);
        subsections.save(subsection);
        recompute(user, course, grade, now);
    }

    /**
     * Replaces the learner's earned points on a subsection. A subsection the learner has no score on yet gets a row of
     * 0 of 0 holding the override: it counts for nothing until the learner's score arrives, and then the override
     * applies to it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void override(User user, CourseOverview course, String usageKey, BigDecimal earned, String feature) {
        CourseGrade grade = lock(user.id(), course.courseKey());
        Instant now = Instant.now();
        SubsectionGrade subsection = subsectionOf(user, course, usageKey, now);
        subsection.override(earned, feature, now);
        subsections.save(subsection);
        recompute(user, course, grade, now);
    }

    /** Removes the feature's override on a subsection, so that the learner's own score counts again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeOverride(User user, CourseOverview course, String usageKey, String feature) {
        CourseGrade grade = lock(user.id(), course.courseKey());
        Instant now = Instant.now();
        var found = subsections.findByUserIdAndUsageKey(user.id(), usageKey);
        if (found.isEmpty() || !found.get().hasOverrideFrom(feature)) {
            return;
        }
        SubsectionGrade subsection = found.get();
        if (subsection.neverScored()) {
            subsections.delete(subsection);
        } else {
            subsection.removeOverride(now);
        }
        recompute(user, course, grade, now);
    }

    /**
     * Clears the learner's score and any override on a subsection. The subsection keeps its possible points and so
     * still counts, at 0, as an unattempted subsection does in Open edX; a row that never had a score goes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reset(User user, CourseOverview course, String usageKey) {
        CourseGrade grade = lock(user.id(), course.courseKey());
        Instant now = Instant.now();
        var found = subsections.findByUserIdAndUsageKey(user.id(), usageKey);
        if (found.isEmpty()) {
            return;
        }
        SubsectionGrade subsection = found.get();
        if (subsection.neverScored()) {
            subsections.delete(subsection);
        } else {
            subsection.removeOverride(now);
            subsection.score(BigDecimal.ZERO, subsection.possible(), now);
        }
        recompute(user, course, grade, now);
    }

    /** A moved passing line can put learners on its other side: each of them is re-evaluated. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onGradingPolicyChanged(GradingPolicyChanged change) {
        var course = courses.find(change.courseKey());
        if (course.isEmpty()) {
            return; // no overview, so nobody can have grades in the course yet
        }
        for (long userId : courseGrades.learnersIn(change.courseKey())) {
            User user = users.findById(userId).orElseThrow();
            CourseGrade grade = lock(userId, change.courseKey());
            recompute(user, course.get(), grade, Instant.now());
        }
    }

    @Transactional(readOnly = true)
    GradeView view(User user, CourseOverview course) {
        Standing standing = courseGrades.findByUserIdAndCourseKey(user.id(), course.courseKey())
                .map(CourseGrade::standing).orElse(Standing.NONE);
        List<GradeView.Subsection> rows = subsections
                .findByUserIdAndCourseKeyOrderByUsageKey(user.id(), course.courseKey()).stream()
                .map(GradeView.Subsection::of).toList();
        return GradeView.of(standing, rows);
    }

    @Transactional(readOnly = true)
    boolean hasScores(long userId, String courseKey) {
        return subsections.existsByUserIdAndCourseKey(userId, courseKey);
    }

    private void recompute(User user, CourseOverview course, CourseGrade grade, Instant at) {
        List<GradeModel.Score> scores = subsections
                .findByUserIdAndCourseKeyOrderByUsageKey(user.id(), course.courseKey()).stream()
                .map(SubsectionGrade::toScore).toList();
        Standing before = grade.standing();
        Standing after = GradeModel.standing(scores, courses.policyOf(course.courseKey()).passingGrade());
        grade.update(after, at);
        if (!GradeModel.crossesLine(before, after)) {
            return;
        }
        publisher.publish(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED, new CoursePassingStatusEvent(
                new CoursePassingStatusData(after.passed(), course.toCourseData(), user.toUserData())), at);
        applicationEvents.publishEvent(new CoursePassingChanged(user, course, after, at));
    }

    private CourseGrade lock(long userId, String courseKey) {
        courseGrades.createIfMissing(userId, courseKey);
        return courseGrades.lock(userId, courseKey).orElseThrow();
    }

    private SubsectionGrade subsectionOf(User user, CourseOverview course, String usageKey, Instant at) {
        return subsections.findByUserIdAndUsageKey(user.id(), usageKey)
                .orElseGet(() -> new SubsectionGrade(user.id(), course.courseKey(), usageKey, at));
    }
}
