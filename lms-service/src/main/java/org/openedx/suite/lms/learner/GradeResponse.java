package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A learner's grades in a course; {@code earned} is the learner's own score, an override shows beside it. Points and
 * percent go out as plain JSON numbers ({@code 7.5}, {@code 0.85}), not with the database's scale.
 */
public record GradeResponse(double percent, boolean passed, List<Subsection> subsections) {

    static GradeResponse of(Standing standing, List<Subsection> subsections) {
        return new GradeResponse(standing.percent().doubleValue(), standing.passed(), subsections);
    }

    public record Subsection(String usageKey, double earned, double possible, @Nullable Override override) {

        static Subsection of(SubsectionGrade grade) {
            Override override = grade.overrideFeature() == null ? null
                    : new Override(number(grade.overrideEarned()), grade.overrideFeature());
            return new Subsection(grade.usageKey(), number(grade.earned()), number(grade.possible()), override);
        }
    }

    public record Override(double earned, String feature) {
    }

    private static double number(BigDecimal value) {
        return value.doubleValue();
    }
}
