package org.worldbench.experiment.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The interim rule until the statistics of issue 8 land: the ratio of the pooled medians of trial
 * and baseline against the threshold, in the direction the unit says is better. No significance
 * test: a ratio beyond the threshold is a verdict even if it is noise, so thresholds should exceed
 * the run-to-run noise of the benchmark.
 *
 * <p>Heap bytes per operation have a resolution of {@value #ALLOCATION_RESOLUTION} B/op: no object is
 * smaller than 16 bytes, so a benchmark that allocates anything per operation shows at least that
 * much, while smaller values are JMH's own per-iteration allocations amortised over many operations
 * (about 2 B/op with 100 ms iterations of a 25 us benchmark, 0.2 B/op with 1 s iterations). Values
 * below the resolution count as zero, and a change smaller than it is no change whatever its ratio.
 * A jump from zero is a regression even though the ratio is undefined.
 */
public final class MedianRatioComparator implements BenchmarkComparator {

    /** Half the smallest object (16 bytes): allocation differences below it are measurement artefacts. */
    public static final double ALLOCATION_RESOLUTION = 8.0;

    @Override
    public List<ComparisonOutcome> compare(List<ComparisonInput> inputs) {
        return inputs.stream().map(MedianRatioComparator::compare).toList();
    }

    @Override
    public String method() {
        return "ratio of medians against a per-benchmark threshold (no significance test yet)";
    }

    static ComparisonOutcome compare(ComparisonInput input) {
        double trial = median(input.trial());
        if (Double.isNaN(trial)) {
            return new ComparisonOutcome(Verdict.INCONCLUSIVE, trial, Double.NaN, Double.NaN, Double.NaN,
                    "no finite samples in this run");
        }
        if (input.baseline() == null) {
            return new ComparisonOutcome(Verdict.INCONCLUSIVE, trial, Double.NaN, Double.NaN, Double.NaN,
                    "no baseline to compare with");
        }
        double baseline = median(input.baseline());
        if (Double.isNaN(baseline)) {
            return new ComparisonOutcome(Verdict.INCONCLUSIVE, trial, baseline, Double.NaN, Double.NaN,
                    "no finite samples in the baseline");
        }
        Direction direction = Direction.of(input.unit());
        if ("B/op".equals(input.unit())) {
            if (trial < ALLOCATION_RESOLUTION || baseline < ALLOCATION_RESOLUTION) {
                return zeroAllocation(trial, baseline);
            }
            if (Math.abs(trial - baseline) < ALLOCATION_RESOLUTION) {
                double ratio = trial / baseline;
                return new ComparisonOutcome(Verdict.UNCHANGED, trial, baseline, ratio, (ratio - 1) * 100, String.format(Locale.ROOT,
                        "allocation changed by %s B/op (median %s vs %s B/op), less than the %s B/op resolution",
                        format(trial - baseline), format(trial), format(baseline), format(ALLOCATION_RESOLUTION)));
            }
        }
        if (baseline == 0) {
            return new ComparisonOutcome(Verdict.INCONCLUSIVE, trial, baseline, Double.NaN, Double.NaN,
                    "baseline median is 0 " + input.unit() + ": no ratio");
        }
        double ratio = trial / baseline;
        double change = (ratio - 1) * 100;
        double worse = direction == Direction.LOWER_IS_BETTER ? change : -change;
        String measured = String.format(Locale.ROOT, "%+.2f%% (median %s vs %s %s)", change, format(trial), format(baseline),
                input.unit());
        String limit = String.format(Locale.ROOT, "threshold %.1f%%", input.thresholdPercent());
        Verdict verdict = worse > input.thresholdPercent() ? Verdict.REGRESSED
                : worse < -input.thresholdPercent() ? Verdict.IMPROVED : Verdict.UNCHANGED;
        String reason = switch (verdict) {
            case REGRESSED -> "worse by " + measured + ", beyond the " + limit;
            case IMPROVED -> "better by " + measured + ", beyond the " + limit;
            default -> "within the " + limit + ": " + measured;
        };
        return new ComparisonOutcome(verdict, trial, baseline, ratio, change, reason);
    }

    private static ComparisonOutcome zeroAllocation(double trial, double baseline) {
        boolean trialAllocates = trial >= ALLOCATION_RESOLUTION;
        boolean baselineAllocates = baseline >= ALLOCATION_RESOLUTION;
        double ratio = baseline == 0 ? Double.NaN : trial / baseline;
        double change = Double.isNaN(ratio) ? Double.NaN : (ratio - 1) * 100;
        if (trialAllocates) {
            return new ComparisonOutcome(Verdict.REGRESSED, trial, baseline, ratio, change,
                    "allocates " + format(trial) + " B/op where the baseline allocated nothing (< " + format(ALLOCATION_RESOLUTION) + " B/op)");
        }
        if (baselineAllocates) {
            return new ComparisonOutcome(Verdict.IMPROVED, trial, baseline, ratio, change,
                    "allocates nothing (< " + format(ALLOCATION_RESOLUTION) + " B/op) where the baseline allocated " + format(baseline) + " B/op");
        }
        return new ComparisonOutcome(Verdict.UNCHANGED, trial, baseline, ratio, change,
                "allocates nothing (< " + format(ALLOCATION_RESOLUTION) + " B/op), as the baseline");
    }

    /** Median of all finite samples pooled over forks; NaN when there are none. */
    static double median(double[][] samples) {
        if (samples == null) {
            return Double.NaN;
        }
        double[] pooled = Arrays.stream(samples).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (pooled.length == 0) {
            return Double.NaN;
        }
        int middle = pooled.length / 2;
        return pooled.length % 2 == 1 ? pooled[middle] : (pooled[middle - 1] + pooled[middle]) / 2;
    }

    static String format(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.4g", value);
    }
}
