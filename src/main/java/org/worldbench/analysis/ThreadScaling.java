package org.worldbench.analysis;

/**
 * How much more work T threads get done than one: throughput(T) / throughput(1), for benchmarks whose
 * operation is T units of work, one per thread, timed until all T are done ({@code parallelWorlds},
 * {@code parallelSpinControl}, DART's {@code BM_ParallelWorlds/T}). With times per operation t₁ and
 * t_T that is T × t₁ / t_T: T on perfectly parallel hardware, 1 when the threads run one after
 * another.
 *
 * <p>The estimate is T × median(t₁) / median(t_T) and its interval is the fork-aware bootstrap
 * interval of the ratio of medians ({@link MedianRatioInterval}) multiplied by T, so a scaling has
 * the same statistics as every other ratio of the platform: forks are resampled first, then each
 * fork's iterations, so drift between forks widens the interval instead of hiding in it.
 *
 * <p><b>Paired</b> ({@link #paired}): when one thread and T threads were measured alternately in the
 * same iterations of the same forks, each iteration gives its own ratio T × t₁ / t_T, and the
 * estimate is the median of those ratios with the same fork-then-iteration bootstrap applied to them.
 * What a fork shares with itself (where its memory landed, its JIT code, the minute of the host)
 * then divides out of every ratio instead of landing in the spread between two trials' forks.
 */
public final class ThreadScaling {

    /** Where an interval lies against a scaling target. */
    public enum Against {
        /** The whole interval is at or above the target. */
        MET,
        /** The whole interval is below the target. */
        MISSED,
        /** The interval contains the target: more forks, or a quieter machine, are needed. */
        NOT_SHOWN
    }

    private static final long PAIRED_SEED = Seeds.of("paired-thread-scaling");

    private ThreadScaling() {
    }

    /**
     * @param key         names the benchmark (part of the bootstrap's seed, so the same data gives the same interval)
     * @param timeOne     times per operation with one thread, grouped by fork
     * @param timeThreads times per operation with {@code threads} threads, in the same unit
     * @param threads     T, at least 1
     * @param level       confidence level of the interval, e.g. 0.95
     * @return throughput(T) / throughput(1) with its interval ({@link Effect.Scale#RATIO})
     */
    public static Effect of(String key, Samples timeOne, Samples timeThreads, int threads, double level) {
        if (threads < 1) {
            throw new IllegalArgumentException(key + ": threads must be at least 1, got " + threads);
        }
        Effect perOperation = MedianRatioInterval.of(key, timeOne, timeThreads, level);
        return new Effect(Effect.Scale.RATIO, threads * perOperation.estimate(), threads * perOperation.low(),
                threads * perOperation.high(), perOperation.confidenceLevel());
    }

    /**
     * The scaling from a paired measurement: {@code timeOne} and {@code timeThreads} come from the same
     * iterations (iteration i of fork f of both is one iteration that timed both operations).
     *
     * @param key         names the benchmark (part of the bootstrap's seed)
     * @param timeOne     mean time of the one-thread operations, per iteration, grouped by fork
     * @param timeThreads mean time of the T-thread operations of the same iterations, same unit and shape
     * @param threads     T, at least 1
     * @param level       confidence level of the interval, e.g. 0.95
     * @return the median over iterations of T × t₁ / t_T with its interval ({@link Effect.Scale#RATIO})
     * @throws IllegalArgumentException if the two are not paired iteration by iteration, or hold a
     *                                  value that is not finite and positive
     */
    public static Effect paired(String key, Samples timeOne, Samples timeThreads, int threads, double level) {
        return paired(key, timeOne, timeThreads, threads, level, MedianRatioInterval.RESAMPLES);
    }

    static Effect paired(String key, Samples timeOne, Samples timeThreads, int threads, double level, int resamples) {
        if (threads < 1) {
            throw new IllegalArgumentException(key + ": threads must be at least 1, got " + threads);
        }
        Samples ratios = pairedRatios(key, timeOne, timeThreads, threads);
        return new HierarchicalBootstrap().medianInterval(ratios, Effect.Scale.RATIO, resamples, level,
                Seeds.forSide(PAIRED_SEED, key, "paired", ratios));
    }

    /** T × t₁ / t_T for every iteration, grouped by fork as the times are; empty forks dropped. */
    static Samples pairedRatios(String key, Samples timeOne, Samples timeThreads, int threads) {
        if (timeOne.forkCount() != timeThreads.forkCount()) {
            throw new IllegalArgumentException(key + ": not paired: " + timeOne.forkCount() + " forks with one thread, "
                    + timeThreads.forkCount() + " with " + threads);
        }
        double[][] ratios = new double[timeOne.forkCount()][];
        for (int f = 0; f < ratios.length; f++) {
            double[] one = timeOne.fork(f);
            double[] many = timeThreads.fork(f);
            if (one.length != many.length) {
                throw new IllegalArgumentException(key + ": not paired: fork " + (f + 1) + " has " + one.length
                        + " iterations with one thread, " + many.length + " with " + threads);
            }
            ratios[f] = new double[one.length];
            for (int i = 0; i < one.length; i++) {
                if (!(one[i] > 0 && many[i] > 0 && Double.isFinite(one[i]) && Double.isFinite(many[i]))) {
                    throw new IllegalArgumentException(key + ": fork " + (f + 1) + ", iteration " + (i + 1)
                            + ": times must be finite and positive, got " + one[i] + " and " + many[i]);
                }
                ratios[f][i] = threads * one[i] / many[i];
            }
        }
        Samples paired = Samples.of(ratios).withoutEmptyForks();
        if (paired.size() == 0) {
            throw new IllegalArgumentException(key + ": no paired samples");
        }
        return paired;
    }

    /** {@link Against#MET} only when the interval's low end reaches the target, {@link Against#MISSED} when its high end does not. */
    public static Against against(Effect scaling, double target) {
        if (scaling.low() >= target) {
            return Against.MET;
        }
        return scaling.high() < target ? Against.MISSED : Against.NOT_SHOWN;
    }
}
