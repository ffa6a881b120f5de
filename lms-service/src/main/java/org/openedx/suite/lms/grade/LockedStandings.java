package org.openedx.suite.lms.grade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Learners' standings in courses, locked for the rest of the transaction and read with their subsection grades, for
 * a batch of grade changes applied in memory ({@link CourseGrades#lockStandings}). Each change reads the clock as it
 * is made, so after the locks were taken; a change that crosses the passing line is announced at once, as outside a
 * batch. {@link #store} hands the rows created and removed to JPA for the flush.
 */
public final class LockedStandings {

    private final Map<StandingKey, LockedStanding> standings;
    private final SubsectionGradeRepository subsections;

    LockedStandings(Map<StandingKey, LockedStanding> standings, SubsectionGradeRepository subsections) {
        this.standings = standings;
        this.subsections = subsections;
    }

    /** See {@link LockedStanding#override}. */
    public void override(LearnerInCourse learner, String usageKey, BigDecimal earned, String feature) {
        of(learner).override(usageKey, earned, feature, Instant.now());
    }

    /** Whether the learner's standing is among those locked. */
    public boolean holds(LearnerInCourse learner) {
        return standings.containsKey(learner.key());
    }

    /** See {@link LockedStanding#removeOverride}. */
    public void removeOverride(LearnerInCourse learner, String usageKey, String feature) {
        of(learner).removeOverride(usageKey, feature, Instant.now());
    }

    /** See {@link LockedStanding#reset}. */
    public void reset(LearnerInCourse learner, String usageKey) {
        of(learner).reset(usageKey, Instant.now());
    }

    void score(LearnerInCourse learner, String usageKey, BigDecimal earned, BigDecimal possible) {
        of(learner).score(usageKey, earned, possible, Instant.now());
    }

    /** Recomputes every standing, in the order they were locked. */
    void recomputeAll() {
        standings.values().forEach(standing -> standing.recompute(Instant.now()));
    }

    /** The learner's standing as the changes so far left it. */
    public Standing standingOf(LearnerInCourse learner) {
        return of(learner).standing();
    }

    /** Hands the rows the changes created and removed to JPA; they are written, with the changed ones, at the flush. */
    public void store() {
        standings.values().forEach(standing -> standing.store(subsections));
    }

    private LockedStanding of(LearnerInCourse learner) {
        LockedStanding standing = standings.get(learner.key());
        if (standing == null) {
            throw new IllegalArgumentException("the standing of learner " + learner.user().id() + " in "
                    + learner.course().courseKey() + " was not locked");
        }
        return standing;
    }
}
