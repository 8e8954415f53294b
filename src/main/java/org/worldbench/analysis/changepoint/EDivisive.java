package org.worldbench.analysis.changepoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.worldbench.analysis.Medians;

/**
 * Finds steps in the history of one benchmark on one machine (a series of per-run medians, oldest
 * first) with E-divisive means (Matteson &amp; James 2014, "A Nonparametric Approach for Multiple
 * Change Point Analysis of Multivariate Data", JASA 109:505) and a permutation significance test.
 *
 * <h2>Why E-divisive, not PELT</h2>
 * PELT is fast (linear) but needs a parametric cost (usually a normal likelihood with known variance)
 * and a penalty; benchmark histories have heavy right tails (a noisy neighbour, a GC) and a variance
 * that changes with the machine, so that penalty would have to be tuned per benchmark and an outlier
 * run reads as a segment. E-divisive makes no distributional assumption (it compares whole
 * distributions through energy distances), needs no penalty, and its permutation test gives a false
 * detection rate that is the chosen significance by construction, on any noise. Its O(R·n²) cost
 * (R permutations, n runs) is small for histories of hundreds of runs. MongoDB's performance CI
 * (Daly et al., ICPE 2020) and DataStax's Hunter use the same method for the same job.
 *
 * <h2>Algorithm</h2>
 * Start with the whole series as one segment. In each round, for every segment and every split
 * {@code τ} leaving at least {@code minimumSegment} runs on each side, compute
 * <pre>
 *   q(X, Y) = m·k/(m + k) · ( 2/(m·k) Σ|xᵢ − yⱼ| − 1/C(m,2) Σ|xᵢ − xⱼ| − 1/C(k,2) Σ|yᵢ − yⱼ| )
 * </pre>
 * ({@code X} the {@code m} runs before {@code τ}, {@code Y} the {@code k} from {@code τ}; exponent
 * α = 1), incrementally in O(length²) per segment. The best split over all segments is tested by
 * permuting every segment independently {@code R} times and recomputing the best q; its p-value is
 * {@code (1 + #{q* ≥ q}) / (R + 1)}. Accept and repeat while p ≤ {@code significance}.
 *
 * <p>Written by hand: no maintained Java library offers E-divisive (R's {@code ecp} is the reference).
 */
public final class EDivisive {

    /**
     * @param significance   largest permutation p-value accepted as a change point; also the rate of
     *                       false detections per series of pure noise
     * @param permutations   R; the smallest attainable p-value is 1/(R + 1)
     * @param minimumSegment fewest runs on either side of a change point (≥ 2): a step is confirmed once
     *                       this many runs sit at the new level, and a single outlier run is never a segment
     * @param seed           of the permutations: the same series always gives the same answer
     */
    public record Settings(double significance, int permutations, int minimumSegment, long seed) {

        public Settings {
            if (!(significance > 0 && significance < 1)) {
                throw new IllegalArgumentException("significance must be in (0, 1), was " + significance);
            }
            if (permutations < 19) {
                throw new IllegalArgumentException("permutations must be at least 19, was " + permutations);
            }
            if (minimumSegment < 2) {
                throw new IllegalArgumentException("minimumSegment must be at least 2, was " + minimumSegment);
            }
            if (1.0 / (permutations + 1) > significance) {
                throw new IllegalArgumentException("with " + permutations + " permutations no p-value can reach "
                        + significance + "; use at least " + (int) Math.ceil(1 / significance - 1));
            }
        }

        /** 1% significance, 499 permutations, segments of at least 3 runs. */
        public static Settings defaults() {
            return new Settings(0.01, 499, 3, 42L);
        }
    }

    private EDivisive() {
    }

    /** Change points of {@code series} (oldest first), in order of position. */
    public static List<ChangePoint> detect(double[] series, Settings settings) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] is " + series[i]
                        + ": change-point detection needs a finite value for every run");
            }
        }
        int minimum = settings.minimumSegment();
        List<int[]> segments = new ArrayList<>(List.of(new int[] {0, series.length}));
        List<ChangePoint> found = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] scratch = new double[series.length];
        Best candidate = new Best();
        while (true) {
            Split best = bestSplit(series, segments, minimum, candidate);
            if (best == null || best.q <= 0) {
                break;
            }
            double p = permutationPValue(series, segments, minimum, best.q, settings, random, scratch, candidate);
            if (p > settings.significance()) {
                break;
            }
            int[] segment = segments.get(best.segment);
            segments.set(best.segment, new int[] {segment[0], best.tau});
            segments.add(best.segment + 1, new int[] {best.tau, segment[1]});
            found.add(new ChangePoint(best.tau, p, 0, 0));
        }
        found.sort(Comparator.comparingInt(ChangePoint::index));
        // Medians of the final segments on either side of each point.
        List<ChangePoint> described = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            int start = i == 0 ? 0 : found.get(i - 1).index();
            int end = i + 1 < found.size() ? found.get(i + 1).index() : series.length;
            ChangePoint cp = found.get(i);
            described.add(new ChangePoint(cp.index(), cp.pValue(), Medians.of(series, start, cp.index()),
                    Medians.of(series, cp.index(), end)));
        }
        return described;
    }

    private record Split(int segment, int tau, double q) {
    }

    private static Split bestSplit(double[] values, List<int[]> segments, int minimum, Best candidate) {
        Split best = null;
        for (int s = 0; s < segments.size(); s++) {
            int[] segment = segments.get(s);
            if (bestSplitOf(values, segment[0], segment[1], minimum, candidate)
                    && (best == null || candidate.q > best.q)) {
                best = new Split(s, candidate.tau, candidate.q);
            }
        }
        return best;
    }

    /** The best split of one segment, reused across the permutation loop so that it allocates nothing. */
    private static final class Best {
        int tau;
        double q;
    }

    /** Best split of {@code values[from, to)} into {@code best}; false when the segment is too short to split. */
    private static boolean bestSplitOf(double[] values, int from, int to, int minimum, Best best) {
        int length = to - from;
        if (length < 2 * minimum) {
            return false;
        }
        double total = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                total += Math.abs(values[i] - values[j]);
            }
        }
        double withinLeft = 0;
        double withinRight = total;
        double between = 0;
        double bestQ = Double.NEGATIVE_INFINITY;
        int bestTau = -1;
        for (int tau = from; tau < to - minimum; tau++) {
            // move values[tau] from the right segment to the left one
            double v = values[tau];
            double toLeft = 0;
            for (int i = from; i < tau; i++) {
                toLeft += Math.abs(values[i] - v);
            }
            double toRight = 0;
            for (int j = tau + 1; j < to; j++) {
                toRight += Math.abs(values[j] - v);
            }
            withinLeft += toLeft;
            withinRight -= toRight;
            between += toRight - toLeft;
            int m = tau + 1 - from;
            int k = to - tau - 1;
            if (m < minimum) {
                continue;
            }
            double e = 2 * between / ((double) m * k)
                    - withinLeft / (m * (m - 1) / 2.0)
                    - withinRight / (k * (k - 1) / 2.0);
            double q = (double) m * k / (m + k) * e;
            if (q > bestQ) {
                bestQ = q;
                bestTau = tau + 1;
            }
        }
        best.tau = bestTau;
        best.q = bestQ;
        return true;
    }

    private static double permutationPValue(double[] series, List<int[]> segments, int minimum, double observed,
                                            Settings settings, SplittableRandom random, double[] scratch,
                                            Best candidate) {
        int permutations = settings.permutations();
        // Stop as soon as the p-value can no longer reach the significance level.
        int allowed = (int) Math.floor(settings.significance() * (permutations + 1)) - 1;
        int atLeast = 0;
        System.arraycopy(series, 0, scratch, 0, series.length);
        for (int r = 0; r < permutations; r++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int[] segment : segments) {
                shuffle(scratch, segment[0], segment[1], random);
                if (bestSplitOf(scratch, segment[0], segment[1], minimum, candidate)) {
                    best = Math.max(best, candidate.q);
                }
            }
            if (best >= observed) {
                atLeast++;
                if (atLeast > allowed) {
                    return (1.0 + atLeast) / (r + 2); // already above the level; exact value not needed
                }
            }
        }
        return (1.0 + atLeast) / (permutations + 1);
    }

    private static void shuffle(double[] values, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
