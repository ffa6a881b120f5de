package org.openedx.suite.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, by the nearest-rank method: p99 of 1,000 samples is the 990th smallest, a value
 * that was actually observed, never an interpolation between two.
 */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

    static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Stats of(double[] samples) {
        if (samples.length == 0) {
            return EMPTY;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double sample : sorted) {
            sum += sample;
        }
        return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    /** The nearest-rank percentile of values sorted ascending: the smallest value with at least p % at or below it. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (p <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** Events per second for {@code events} in {@code nanos}; NaN when no time passed. */
    static double rate(long events, long nanos) {
        return nanos <= 0 ? Double.NaN : events * 1e9 / nanos;
    }
}
