package org.worldbench.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval for the ratio (or difference) of two medians that respects how JMH
 * samples are made: iterations of one fork share that fork's JIT decisions, code layout and memory
 * placement, so forks differ from each other more than iterations do. Each resample therefore draws
 * the forks with replacement first, then, within each drawn fork, as many iterations with replacement
 * as that fork has (Davison &amp; Hinkley 1997, §3.8, "strategy 2"), and takes the median of everything
 * drawn. Trial and baseline are resampled independently, each from its own random stream.
 *
 * <p>Written by hand: commons-math3 and commons-statistics offer no clustered (two-stage) bootstrap.
 *
 * <p>The interval's ends are the order statistics {@code k} and {@code B + 1 − k} of the {@code B}
 * sorted replicates, {@code k = max(1, floor((B + 1)·α/2))}: an index rule symmetric under
 * {@code x → 1/x}, so swapping trial and baseline turns {@code [lo, hi]} into exactly {@code [1/hi, 1/lo]}.
 *
 * <p>Not thread-safe: one instance per thread. Scratch arrays grow to the largest input seen and are
 * reused, so a comparison allocates nothing after the first few.
 */
final class HierarchicalBootstrap {

    private double[] trialDraws = new double[0];
    private double[] baselineDraws = new double[0];
    private double[] replicates = new double[0];

    /**
     * @param trial          the trial's samples: every value finite, at least one non-empty fork
     * @param baseline       the baseline's samples, under the same conditions
     * @param scale          ratio or difference of medians
     * @param resamples      number of bootstrap replicates {@code B}
     * @param level          confidence level (0.99)
     * @param trialSeed      seed of the trial's stream
     * @param baselineSeed   seed of the baseline's stream
     */
    Effect interval(Samples trial, Samples baseline, Effect.Scale scale, int resamples, double level,
                    long trialSeed, long baselineSeed) {
        double estimate = combine(scale, Medians.of(trial), Medians.of(baseline));
        trialDraws = grow(trialDraws, maxDraws(trial));
        baselineDraws = grow(baselineDraws, maxDraws(baseline));
        replicates = grow(replicates, resamples);

        SplittableRandom trialRandom = new SplittableRandom(trialSeed);
        SplittableRandom baselineRandom = new SplittableRandom(baselineSeed);
        double[][] trialForks = trial.forksUnsafe();
        double[][] baselineForks = baseline.forksUnsafe();
        for (int b = 0; b < resamples; b++) {
            double trialMedian = resampledMedian(trialForks, trialDraws, trialRandom);
            double baselineMedian = resampledMedian(baselineForks, baselineDraws, baselineRandom);
            replicates[b] = combine(scale, trialMedian, baselineMedian);
        }
        Arrays.sort(replicates, 0, resamples);
        int k = Math.max(1, (int) Math.floor((resamples + 1) * (1 - level) / 2));
        return new Effect(scale, estimate, replicates[k - 1], replicates[resamples - k], level);
    }

    private static double combine(Effect.Scale scale, double trialMedian, double baselineMedian) {
        return scale == Effect.Scale.RATIO ? trialMedian / baselineMedian : trialMedian - baselineMedian;
    }

    /** One two-stage resample of a side into {@code draws}, and its median. */
    private static double resampledMedian(double[][] forks, double[] draws, SplittableRandom random) {
        int forkCount = forks.length;
        int n = 0;
        for (int f = 0; f < forkCount; f++) {
            double[] fork = forks[random.nextInt(forkCount)];
            int length = fork.length;
            for (int i = 0; i < length; i++) {
                draws[n++] = fork[random.nextInt(length)];
            }
        }
        if (n == 0) {
            // Every drawn fork was empty: draw again from the non-empty ones is not possible without bias,
            // so the caller guarantees every fork is non-empty (empty forks are dropped before).
            return Double.NaN;
        }
        return Medians.ofRangeInPlace(draws, 0, n);
    }

    private static int maxDraws(Samples samples) {
        int longest = 0;
        for (double[] fork : samples.forksUnsafe()) {
            longest = Math.max(longest, fork.length);
        }
        return longest * samples.forkCount();
    }

    private static double[] grow(double[] array, int length) {
        return array.length >= length ? array : new double[length];
    }
}
