package org.worldbench.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The interim verdict rule: ratio of pooled medians against the threshold, in the unit's direction. */
class MedianRatioComparatorTest {

    private static ComparisonOutcome judge(String unit, double[][] trial, double[][] baseline, double threshold) {
        return new MedianRatioComparator().compare(java.util.List.of(
                new ComparisonInput("b{}", "b", "primary", unit, "avgt", trial, baseline, threshold))).getFirst();
    }

    @Test
    void slower_time_per_op_beyond_the_threshold_is_a_regression() {
        ComparisonOutcome outcome = judge("ns/op", new double[][] {{110, 111}, {109}}, new double[][] {{100, 101}, {99}}, 5);

        assertThat(outcome.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(outcome.trialMedian()).isEqualTo(110);
        assertThat(outcome.baselineMedian()).isEqualTo(100);
        assertThat(outcome.changePercent()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(outcome.reason()).contains("worse by +10.00%").contains("threshold 5.0%");
    }

    @Test
    void higher_throughput_is_an_improvement_and_lower_a_regression() {
        assertThat(judge("ops/s", new double[][] {{120}}, new double[][] {{100}}, 5).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(judge("ops/s", new double[][] {{80}}, new double[][] {{100}}, 5).verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void change_within_the_threshold_is_unchanged() {
        assertThat(judge("ns/op", new double[][] {{104}}, new double[][] {{100}}, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void median_pools_forks_and_ignores_non_finite_samples() {
        assertThat(MedianRatioComparator.median(new double[][] {{1, Double.NaN}, {3, 2}, {Double.POSITIVE_INFINITY, 4}})).isEqualTo(2.5);
        assertThat(MedianRatioComparator.median(new double[][] {{Double.NaN}})).isNaN();
    }

    @Test
    void missing_baseline_or_samples_is_inconclusive_with_a_reason() {
        assertThat(judge("ns/op", new double[][] {{1}}, null, 5)).satisfies(o -> {
            assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(o.reason()).contains("no baseline");
        });
        assertThat(judge("ns/op", new double[][] {{Double.NaN}}, new double[][] {{1}}, 5).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judge("ns/op", new double[][] {{1}}, new double[][] {{0}}, 5).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void allocation_from_zero_is_a_regression_although_its_ratio_is_undefined() {
        ComparisonOutcome outcome = judge("B/op", new double[][] {{48, 48}}, new double[][] {{0.002, 0.001}}, 5);

        assertThat(outcome.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(outcome.reason()).contains("allocates 48.00 B/op where the baseline allocated nothing");
    }

    @Test
    void jmh_infrastructure_bytes_below_the_resolution_are_no_allocation_and_no_change() {
        // 1.8 vs 0.9 B/op is a doubling, but both are JMH's own per-iteration allocations amortised.
        assertThat(judge("B/op", new double[][] {{1.8}}, new double[][] {{0.9}}, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
        // 144 vs 140 B/op is +2.9% but also less than one object: no change either.
        assertThat(judge("B/op", new double[][] {{144}}, new double[][] {{140}}, 1).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(judge("B/op", new double[][] {{0.5}}, new double[][] {{64}}, 5).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(judge("B/op", new double[][] {{192}}, new double[][] {{144}}, 5).verdict()).isEqualTo(Verdict.REGRESSED);
    }
}
