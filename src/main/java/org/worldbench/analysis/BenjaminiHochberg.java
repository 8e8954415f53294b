package org.worldbench.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg (1995) step-up adjustment of p-values, the same numbers as
 * {@code scipy.stats.false_discovery_control(p, method='bh')}: sorted ascending,
 * {@code q(i) = min over j >= i of p(j)·m/j}, capped at 1. A comparison is significant at false
 * discovery rate {@code α} when its adjusted value is at most {@code α}.
 *
 * <p>Written by hand: neither commons-math3 nor commons-statistics offers a multiple-testing correction.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** Adjusted p-values in the order of {@code pValues}; each input must be in [0, 1]. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], was " + pValues[i]);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double runningMin = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            // p·(m/rank), not (p·m)/rank: m/rank >= 1 exactly, so rounding can never push q below p.
            runningMin = Math.min(runningMin, pValues[index] * ((double) m / rank));
            adjusted[index] = runningMin;
        }
        return adjusted;
    }
}
