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

    /** {@link Against#MET} only when the interval's low end reaches the target, {@link Against#MISSED} when its high end does not. */
    public static Against against(Effect scaling, double target) {
        if (scaling.low() >= target) {
            return Against.MET;
        }
        return scaling.high() < target ? Against.MISSED : Against.NOT_SHOWN;
    }
}
