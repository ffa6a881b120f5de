package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The LMS grade model, a specified behaviour kept free of persistence so that it can be read and tested on its own.
 * <ul>
 *   <li>A learner's score on a subsection is {@code earned} of {@code possible} points. An override (e.g. the
 *       proctoring feature's 0 for a rejected exam) replaces the learner's earned points, never the possible ones.</li>
 *   <li>The course percent is Σ effective earned / Σ possible over the learner's subsections in the course, rounded
 *       half-up to two decimals; 0 when the learner has no possible points at all.</li>
 *   <li>The learner passes when the percent reaches the passing grade: exactly at the line passes.</li>
 *   <li>Only a change of "passes" is news: crossing the line, either way, is announced
 *       ({@code course.passing.status.updated}); any other change of the percent is not.</li>
 * </ul>
 */
final class GradeModel {

    private static final int PERCENT_SCALE = 2;

    private GradeModel() {
    }

    /** One subsection as the model sees it. */
    record Score(BigDecimal earned, BigDecimal possible, @Nullable BigDecimal overrideEarned) {

        BigDecimal effectiveEarned() {
            return overrideEarned != null ? overrideEarned : earned;
        }
    }

    static BigDecimal percent(Collection<Score> scores) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        for (Score score : scores) {
            earned = earned.add(score.effectiveEarned());
            possible = possible.add(score.possible());
        }
        if (possible.signum() == 0) {
            return BigDecimal.ZERO.setScale(PERCENT_SCALE);
        }
        // dividing straight to two decimals rounds the exact quotient, not an already rounded one
        return earned.divide(possible, PERCENT_SCALE, RoundingMode.HALF_UP);
    }

    static boolean passes(BigDecimal percent, BigDecimal passingGrade) {
        return percent.compareTo(passingGrade) >= 0;
    }

    static Standing standing(Collection<Score> scores, BigDecimal passingGrade) {
        BigDecimal percent = percent(scores);
        return new Standing(percent, passes(percent, passingGrade));
    }

    /** Whether going from one standing to the other is announced. */
    static boolean crossesLine(Standing before, Standing after) {
        return before.passed() != after.passed();
    }
}
