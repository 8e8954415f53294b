package org.worldbench.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark metric to judge: the trial's samples against the baseline's.
 *
 * @param benchmark  the benchmark key: JMH method name plus canonical parameter string
 * @param metric     {@code "primary"} for the score, else the secondary metric's name ({@code gc.alloc.rate.norm})
 * @param unit       the unit as the harness wrote it ({@code ns/op}, {@code ops/s}, {@code B/op}, ...)
 * @param trial      the samples of the run being judged (may be empty: a benchmark that failed)
 * @param baseline   the baseline's samples, empty when the baseline has no such benchmark
 * @param overrides  per-benchmark direction and minimum effect from the spec
 */
public record ComparisonInput(
        String benchmark,
        String metric,
        String unit,
        Samples trial,
        Optional<Samples> baseline,
        BenchmarkOverrides overrides) {

    /** The metric name of a benchmark's primary score. */
    public static final String PRIMARY = "primary";

    public ComparisonInput {
        requireText(benchmark, "benchmark");
        requireText(metric, "metric of " + benchmark);
        Objects.requireNonNull(unit, () -> "unit of " + benchmark + " / " + metric + " is missing");
        Objects.requireNonNull(trial, () -> "trial samples of " + benchmark + " / " + metric + " are missing; pass Samples.empty()");
        Objects.requireNonNull(baseline, "baseline: pass Optional.empty() when the baseline has no such benchmark");
        Objects.requireNonNull(overrides, "overrides: pass BenchmarkOverrides.none()");
    }

    /** A comparison with a baseline and no overrides. */
    public static ComparisonInput of(String benchmark, String metric, String unit, Samples trial, Samples baseline) {
        return new ComparisonInput(benchmark, metric, unit, trial, Optional.of(baseline), BenchmarkOverrides.none());
    }

    /** A benchmark the baseline does not have. */
    public static ComparisonInput withoutBaseline(String benchmark, String metric, String unit, Samples trial) {
        return new ComparisonInput(benchmark, metric, unit, trial, Optional.empty(), BenchmarkOverrides.none());
    }

    public ComparisonInput withOverrides(BenchmarkOverrides newOverrides) {
        return new ComparisonInput(benchmark, metric, unit, trial, baseline, newOverrides);
    }

    /** The same comparison with trial and baseline exchanged (used to check the rule's symmetry). */
    public ComparisonInput swapped() {
        return new ComparisonInput(benchmark, metric, unit, baseline.orElse(Samples.empty()), Optional.of(trial), overrides);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
