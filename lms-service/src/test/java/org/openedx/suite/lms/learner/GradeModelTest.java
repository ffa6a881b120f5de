package org.openedx.suite.lms.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GradeModelTest {

    private static final BigDecimal SIXTY_PERCENT = new BigDecimal("0.60");

    @Nested
    class CoursePercent {

        @Test
        void is_the_points_earned_over_the_points_possible_across_the_learners_subsections() {
            assertThat(GradeModel.percent(List.of(score(8, 10), score(5, 10)))).isEqualByComparingTo("0.65");
            // not the mean of the subsection percents, which would be (0.5 + 1.0) / 2 = 0.75
            assertThat(GradeModel.percent(List.of(score(10, 20), score(2, 2)))).isEqualByComparingTo("0.55");
        }

        @Test
        void counts_an_override_instead_of_the_learners_earned_points_but_keeps_the_possible_ones() {
            var rejectedExam = new GradeModel.Score(new BigDecimal("8"), new BigDecimal("10"), BigDecimal.ZERO);

            assertThat(GradeModel.percent(List.of(rejectedExam, score(10, 10)))).isEqualByComparingTo("0.50");
        }

        @Test
        void is_rounded_half_up_to_two_decimals() {
            assertThat(GradeModel.percent(List.of(score(2, 3)))).isEqualTo(new BigDecimal("0.67"));
            assertThat(GradeModel.percent(List.of(score(133, 200)))).isEqualTo(new BigDecimal("0.67"));
            assertThat(GradeModel.percent(List.of(score(1, 8)))).isEqualTo(new BigDecimal("0.13"));
            assertThat(GradeModel.percent(List.of(score(1, 3)))).isEqualTo(new BigDecimal("0.33"));
        }

        @Test
        void is_zero_without_any_possible_points() {
            assertThat(GradeModel.percent(List.of())).isEqualTo(new BigDecimal("0.00"));
            var overrideBeforeAnyScore = new GradeModel.Score(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            assertThat(GradeModel.percent(List.of(overrideBeforeAnyScore))).isEqualTo(new BigDecimal("0.00"));
        }

        @Test
        void counts_a_subsection_that_waits_for_its_score_for_nothing() {
            var overrideBeforeAnyScore = new GradeModel.Score(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

            assertThat(GradeModel.percent(List.of(overrideBeforeAnyScore, score(7, 10)))).isEqualByComparingTo("0.70");
        }
    }

    @Nested
    class Passing {

        @Test
        void exactly_at_the_passing_grade_passes() {
            assertThat(GradeModel.standing(List.of(score(6, 10)), SIXTY_PERCENT).passed()).isTrue();
        }

        @Test
        void just_below_the_passing_grade_fails() {
            assertThat(GradeModel.standing(List.of(score(59, 100)), SIXTY_PERCENT).passed()).isFalse();
        }

        @Test
        void is_decided_on_the_rounded_percent() {
            // 0.595 rounds to 0.60
            assertThat(GradeModel.standing(List.of(score(119, 200)), SIXTY_PERCENT).passed()).isTrue();
            // 0.5949 rounds to 0.59
            assertThat(GradeModel.standing(List.of(score(5949, 10000)), SIXTY_PERCENT).passed()).isFalse();
        }

        @Test
        void a_passing_grade_of_zero_passes_everyone_with_a_grade() {
            assertThat(GradeModel.standing(List.of(score(0, 10)), BigDecimal.ZERO).passed()).isTrue();
        }
    }

    @Nested
    class CrossingTheLine {

        @Test
        void is_news_either_way() {
            Standing failing = new Standing(new BigDecimal("0.59"), false);
            Standing passing = new Standing(new BigDecimal("0.60"), true);

            assertThat(GradeModel.crossesLine(failing, passing)).isTrue();
            assertThat(GradeModel.crossesLine(passing, failing)).isTrue();
        }

        @Test
        void repeated_grade_updates_on_the_same_side_of_the_line_are_not() {
            Standing before = GradeModel.standing(List.of(score(8, 10)), SIXTY_PERCENT);
            Standing higher = GradeModel.standing(List.of(score(9, 10)), SIXTY_PERCENT);
            Standing lowerButPassing = GradeModel.standing(List.of(score(6, 10)), SIXTY_PERCENT);
            Standing failing = GradeModel.standing(List.of(score(3, 10)), SIXTY_PERCENT);
            Standing stillFailing = GradeModel.standing(List.of(score(5, 10)), SIXTY_PERCENT);

            assertThat(GradeModel.crossesLine(before, higher)).isFalse();
            assertThat(GradeModel.crossesLine(higher, lowerButPassing)).isFalse();
            assertThat(GradeModel.crossesLine(failing, stillFailing)).isFalse();
        }

        @Test
        void a_first_grade_below_the_line_is_not_news() {
            Standing first = GradeModel.standing(List.of(score(2, 10)), SIXTY_PERCENT);

            assertThat(GradeModel.crossesLine(Standing.NONE, first)).isFalse();
        }
    }

    private static GradeModel.Score score(int earned, int possible) {
        return new GradeModel.Score(BigDecimal.valueOf(earned), BigDecimal.valueOf(possible), null);
    }
}
