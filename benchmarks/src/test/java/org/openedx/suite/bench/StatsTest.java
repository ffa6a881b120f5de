package org.openedx.suite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentiles_are_observed_values_by_nearest_rank() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        Stats stats = Stats.of(oneToHundred);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50()).isEqualTo(50);
        assertThat(stats.p95()).isEqualTo(95);
        assertThat(stats.p99()).isEqualTo(99);
        assertThat(stats.max()).isEqualTo(100);
        assertThat(stats.mean()).isEqualTo(50.5);
    }

    @Test
    void the_order_of_the_samples_does_not_matter_and_they_are_left_as_they_were() {
        double[] samples = {9, 1, 5, 3, 7};

        Stats stats = Stats.of(samples);

        assertThat(stats.p50()).isEqualTo(5);
        assertThat(stats.p99()).isEqualTo(9);
        assertThat(samples).containsExactly(9, 1, 5, 3, 7);
    }

    @Test
    void a_high_percentile_of_few_samples_is_their_maximum() {
        assertThat(Stats.of(new double[] {2, 4}).p99()).isEqualTo(4);
        assertThat(Stats.of(new double[] {2, 4}).p50()).isEqualTo(2);
        assertThat(Stats.of(new double[] {7}).p95()).isEqualTo(7);
    }

    @Test
    void p99_of_a_thousand_samples_ignores_only_the_ten_slowest() {
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i < 990 ? 10 : 1000;
        }

        assertThat(Stats.of(samples).p99()).isEqualTo(10);
        assertThat(Stats.of(samples).max()).isEqualTo(1000);
    }

    @Test
    void no_samples_give_empty_stats_and_no_percentile() {
        assertThat(Stats.of(new double[0]).count()).isZero();
        assertThat(Stats.of(new double[0]).p99()).isNaN();
        assertThatThrownBy(() -> Stats.percentile(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rate_is_events_per_second() {
        assertThat(Stats.rate(50_000, 2_500_000_000L)).isEqualTo(20_000);
        assertThat(Stats.rate(1, 0)).isNaN();
    }
}
