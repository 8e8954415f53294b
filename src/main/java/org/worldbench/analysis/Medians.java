package org.worldbench.analysis;

import org.apache.commons.numbers.arrays.Selection;

/**
 * The median of a range of an array, found by commons-numbers' selection in O(n), reordering the
 * range in place. On the bootstrap's 50 draws it is about twice as fast as sorting them
 * ({@code VerdictBenchmark.verdictMedianOf50Selection} against {@code verdictMedianOf50Sort}), at the
 * price of 24 bytes of garbage per call.
 */
public final class Medians {

    private Medians() {
    }

    /** Median of {@code values[from, to)}; the mean of the two middle values when the count is even. Reorders the range. */
    static double ofRangeInPlace(double[] values, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return Double.NaN;
        }
        int upper = from + n / 2;
        Selection.select(values, from, to, upper);
        double high = values[upper];
        if ((n & 1) == 1) {
            return high;
        }
        // After selection everything left of 'upper' is <= values[upper]: the lower middle is their maximum.
        double low = values[from];
        for (int i = from + 1; i < upper; i++) {
            low = Math.max(low, values[i]);
        }
        return (low + high) / 2;
    }

    /** Median of {@code values[from, to)} without touching the array (NaN when the range is empty). */
    public static double of(double[] values, int from, int to) {
        double[] copy = java.util.Arrays.copyOfRange(values, from, to);
        return ofRangeInPlace(copy, 0, copy.length);
    }

    /** Median of all {@code values} without touching the array (NaN when empty). */
    public static double of(double[] values) {
        return of(values, 0, values.length);
    }

    /** Median of all samples pooled over forks (NaN when there are none). */
    static double of(Samples samples) {
        double[] pooled = samples.pooled();
        return ofRangeInPlace(pooled, 0, pooled.length);
    }
}
