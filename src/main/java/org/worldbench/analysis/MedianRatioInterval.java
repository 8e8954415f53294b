package org.worldbench.analysis;

/**
 * The ratio of two sets of samples' medians with its fork-aware bootstrap interval
 * ({@link HierarchicalBootstrap}), and nothing more: no threshold, no test, no verdict. For
 * comparisons where "better" or "regressed" has no meaning, such as two different engines on the
 * same workload. Reproducible: the random streams are seeded from the key and the data.
 */
public final class MedianRatioInterval {

    /** Bootstrap replicates per interval. */
    public static final int RESAMPLES = 10_000;
    private static final long SEED = Seeds.of("median-ratio-interval");

    private MedianRatioInterval() {
    }

    /**
     * @param key   names the pair (part of the seed)
     * @param a     numerator samples, every value finite, at least one sample
     * @param b     denominator samples, likewise
     * @param level confidence level, e.g. 0.95
     * @return median(a) / median(b) with its interval
     */
    public static Effect of(String key, Samples a, Samples b, double level) {
        Samples left = a.withoutEmptyForks();
        Samples right = b.withoutEmptyForks();
        if (left.size() == 0 || right.size() == 0 || left.firstNonFinite().isPresent() || right.firstNonFinite().isPresent()) {
            throw new IllegalArgumentException(key + ": both sides need finite samples");
        }
        return new HierarchicalBootstrap().interval(left, right, Effect.Scale.RATIO, RESAMPLES, level,
                Seeds.forSide(SEED, key, "a", left), Seeds.forSide(SEED, key, "b", right));
    }
}
