package org.openedx.suite.lms.grade;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A learner's grades in a course; {@code earned} is the learner's own score, an override shows beside it. Points and
 * percent go out as plain JSON numbers ({@code 7.5}, {@code 0.85}), not with the database's scale.
 */
record GradeView(double percent, boolean passed, List<Subsection> subsections) {

    static GradeView of(Standing standing, List<Subsection> subsections) {
        return new GradeView(standing.percent().doubleValue(), standing.passed(), subsections);
    }

    record Subsection(String usageKey, double earned, double possible, @Nullable Override override) {

        static Subsection of(SubsectionGrade grade) {
            Override override = grade.overrideFeature() == null ? null
                    : new Override(number(grade.overrideEarned()), grade.overrideFeature());
            return new Subsection(grade.usageKey(), number(grade.earned()), number(grade.possible()), override);
        }
    }

    record Override(double earned, String feature) {
    }

    private static double number(BigDecimal value) {
        return value.doubleValue();
    }
}
