package org.openedx.suite.lms.grade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

import org.openedx.suite.lms.batch.KeyedRows;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.user.User;

/**
 * One learner's standing in one course, its {@code course_grade} row locked, with all the learner's subsection grades
 * in the course: the grade rules as every change applies them, a REST score as much as a poll of exam events. Each
 * change recomputes the course grade and hands a crossing of the passing line to be announced at once, so that
 * crossings are announced in the order of the changes. Changes stay in memory until {@link #store}.
 */
final class LockedStanding {

    /** Announces a crossing of the passing line, in the transaction of the change. */
    @FunctionalInterface
    interface Crossings {
        void crossed(User user, CourseOverview course, Standing after, Instant at);
    }

    private final LearnerInCourse learner;
    private final BigDecimal passingGrade;
    private final CourseGrade grade;
    private final KeyedRows<String, SubsectionGrade> subsections;
    private final Crossings crossings;

    LockedStanding(LearnerInCourse learner, BigDecimal passingGrade, CourseGrade grade,
                   Collection<SubsectionGrade> subsections, Crossings crossings) {
        this.learner = learner;
        this.passingGrade = passingGrade;
        this.grade = grade;
        this.subsections = new KeyedRows<>(subsections, SubsectionGrade::usageKey);
        this.crossings = crossings;
    }

    Standing standing() {
        return grade.standing();
    }

    /** Records the learner's own score on a subsection; an override on it stays. */
    void score(String usageKey, BigDecimal earned, BigDecimal possible, Instant at) {
        subsectionOf(usageKey, at).score(earned, possible, at);
        recompute(at);
    }

    /**
     * Replaces the learner's earned points on a subsection. A subsection the learner has no score on yet gets a row of
     * 0 of 0 holding the override: it counts for nothing until the learner's score arrives, and then the override
     * applies to it.
     */
    void override(String usageKey, BigDecimal earned, String feature, Instant at) {
        subsectionOf(usageKey, at).override(earned, feature, at);
        recompute(at);
    }

    /** Removes the feature's override on a subsection, so that the learner's own score counts again. */
    void removeOverride(String usageKey, String feature, Instant at) {
        subsections.find(usageKey).filter(subsection -> subsection.hasOverrideFrom(feature)).ifPresent(subsection ->
                changeOrRemove(usageKey, subsection, at, () -> subsection.removeOverride(at)));
    }

    /**
     * Clears the learner's score and any override on a subsection. The subsection keeps its possible points and so
     * still counts, at 0, as an unattempted subsection does in Open edX; a row that never had a score goes.
     */
    void reset(String usageKey, Instant at) {
        subsections.find(usageKey).ifPresent(subsection -> changeOrRemove(usageKey, subsection, at, () -> {
            subsection.removeOverride(at);
            subsection.score(BigDecimal.ZERO, subsection.possible(), at);
        }));
    }

    /** The course grade from the subsections as they are now; a crossing of the passing line is announced. */
    void recompute(Instant at) {
        Standing before = grade.standing();
        Standing after = GradeModel.standing(subsections.all().stream().map(SubsectionGrade::toScore).toList(),
                passingGrade);
        grade.update(after, at);
        if (GradeModel.crossesLine(before, after)) {
            crossings.crossed(learner.user(), learner.course(), after, at);
        }
    }

    /** A row that only held an override, made before the learner had a score, goes; any other is changed. */
    private void changeOrRemove(String usageKey, SubsectionGrade subsection, Instant at, Runnable change) {
        if (subsection.neverScored()) {
            subsections.remove(usageKey);
        } else {
            change.run();
        }
        recompute(at);
    }

    /** Hands the subsection rows created and removed to JPA for the next flush; changed rows are dirty-checked. */
    void store(SubsectionGradeRepository repository) {
        subsections.store(repository);
    }

    private SubsectionGrade subsectionOf(String usageKey, Instant at) {
        return subsections.findOrCreate(usageKey,
                () -> new SubsectionGrade(learner.user().id(), learner.course().courseKey(), usageKey, at),
                removed -> removed.renew(at));
    }
}
