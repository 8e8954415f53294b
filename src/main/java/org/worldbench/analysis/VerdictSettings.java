package org.worldbench.analysis;

/**
 * The knobs of the verdict rule, with defaults chosen so that a 5-fork × 10-iteration experiment
 * ({@code standard.yaml}) keeps unchanged benchmarks from being flagged (A/A ≤ 1%) and flags a 5%
 * slowdown (power ≥ 95%) under the noise measured on JMH runs; docs/verdicts.md shows the proof.
 *
 * @param confidenceLevel     of the bootstrap interval on the ratio of medians (0.99 = 99%)
 * @param minimumEffect       smallest relative change that earns IMPROVED or REGRESSED, as a fraction (0.03 = 3%)
 * @param falseDiscoveryRate  Benjamini–Hochberg level over all comparisons of a run
 * @param bootstrapResamples  number of hierarchical bootstrap resamples
 * @param seed                run-wide seed of the bootstrap (results are reproducible bit for bit)
 * @param minimumForks        forks needed on each side; fewer gives INCONCLUSIVE (fork-to-fork spread unknown)
 * @param minimumSamples      samples needed on each side, over all forks
 * @param bytesZeroFloor      bytes per operation at or below which a {@link MetricKind#BYTES} median counts as
 *                            "allocates nothing" (JMH's GC profiler reports about 0.0001 B/op for code that
 *                            allocates nothing; the smallest Java object is 16 B)
 */
public record VerdictSettings(
        double confidenceLevel,
        double minimumEffect,
        double falseDiscoveryRate,
        int bootstrapResamples,
        long seed,
        int minimumForks,
        int minimumSamples,
        double bytesZeroFloor) {

    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.99;
    public static final double DEFAULT_MINIMUM_EFFECT = 0.03;
    public static final double DEFAULT_FALSE_DISCOVERY_RATE = 0.01;
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MINIMUM_FORKS = 2;
    public static final int DEFAULT_MINIMUM_SAMPLES = 6;
    public static final double DEFAULT_BYTES_ZERO_FLOOR = 1.0;

    public VerdictSettings {
        if (!(confidenceLevel > 0.5 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0.5, 1), was " + confidenceLevel);
        }
        checkMinimumEffect("minimumEffect", minimumEffect);
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw new IllegalArgumentException("falseDiscoveryRate must be in (0, 1), was " + falseDiscoveryRate);
        }
        if (bootstrapResamples < 100) {
            throw new IllegalArgumentException("bootstrapResamples must be at least 100, was " + bootstrapResamples);
        }
        if (minimumForks < 1) {
            throw new IllegalArgumentException("minimumForks must be at least 1, was " + minimumForks);
        }
        if (minimumSamples < 2) {
            throw new IllegalArgumentException("minimumSamples must be at least 2, was " + minimumSamples);
        }
        if (!(bytesZeroFloor >= 0) || Double.isInfinite(bytesZeroFloor)) {
            throw new IllegalArgumentException("bytesZeroFloor must be a finite number >= 0, was " + bytesZeroFloor);
        }
    }

    public static VerdictSettings defaults() {
        return new VerdictSettings(DEFAULT_CONFIDENCE_LEVEL, DEFAULT_MINIMUM_EFFECT, DEFAULT_FALSE_DISCOVERY_RATE,
                DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_SEED, DEFAULT_MINIMUM_FORKS, DEFAULT_MINIMUM_SAMPLES,
                DEFAULT_BYTES_ZERO_FLOOR);
    }

    /** One line for reports: how verdicts were reached with these settings. */
    public String describe() {
        return "ratio of medians with a " + RunComparator.percent(confidenceLevel) + " fork-aware bootstrap interval ("
                + bootstrapResamples + " resamples) and a Mann–Whitney U test, Benjamini–Hochberg over the run at FDR "
                + RunComparator.percent(falseDiscoveryRate) + ", minimum effect per benchmark (docs/verdicts.md)";
    }

    static void checkMinimumEffect(String name, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1) (0.03 = 3%), was " + fraction);
        }
    }

    public VerdictSettings withConfidenceLevel(double value) {
        return new VerdictSettings(value, minimumEffect, falseDiscoveryRate, bootstrapResamples, seed, minimumForks, minimumSamples, bytesZeroFloor);
    }

    public VerdictSettings withMinimumEffect(double value) {
        return new VerdictSettings(confidenceLevel, value, falseDiscoveryRate, bootstrapResamples, seed, minimumForks, minimumSamples, bytesZeroFloor);
    }

    public VerdictSettings withFalseDiscoveryRate(double value) {
        return new VerdictSettings(confidenceLevel, minimumEffect, value, bootstrapResamples, seed, minimumForks, minimumSamples, bytesZeroFloor);
    }

    public VerdictSettings withBootstrapResamples(int value) {
        return new VerdictSettings(confidenceLevel, minimumEffect, falseDiscoveryRate, value, seed, minimumForks, minimumSamples, bytesZeroFloor);
    }

    public VerdictSettings withSeed(long value) {
        return new VerdictSettings(confidenceLevel, minimumEffect, falseDiscoveryRate, bootstrapResamples, value, minimumForks, minimumSamples, bytesZeroFloor);
    }

    public VerdictSettings withMinimumForks(int value) {
        return new VerdictSettings(confidenceLevel, minimumEffect, falseDiscoveryRate, bootstrapResamples, seed, value, minimumSamples, bytesZeroFloor);
    }

    public VerdictSettings withMinimumSamples(int value) {
        return new VerdictSettings(confidenceLevel, minimumEffect, falseDiscoveryRate, bootstrapResamples, seed, minimumForks, value, bytesZeroFloor);
    }

    public VerdictSettings withBytesZeroFloor(double value) {
        return new VerdictSettings(confidenceLevel, minimumEffect, falseDiscoveryRate, bootstrapResamples, seed, minimumForks, minimumSamples, value);
    }
}
