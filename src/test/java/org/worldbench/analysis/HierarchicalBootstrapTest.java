package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.worldbench.analysis.proof.NoiseModel;
import org.worldbench.analysis.proof.VerdictProof;

class HierarchicalBootstrapTest {

    /**
     * Coverage on synthetic data with a known ratio: 1,000 comparisons of 5 forks × 10 iterations,
     * trial = baseline distribution × 1.05, noise as estimated from the real JMH sample
     * ({@code VerdictProof.JMH_SAMPLE_NOISE}: iteration σ 4.32%, 10.5% outlier iterations averaging
     * +46%) plus a 1% fork-to-fork spread. The test
     * uses 400 resamples instead of 2,000 to stay at about a second; with B = 400 the interval's
     * ends are the 2nd and 399th replicates, a nominal 99.0%. A binomial 99% at n = 1,000 lies in
     * [98.2%, 99.8%] three times out of a thousand; a plain two-level bootstrap (no calibration)
     * covered 100% here, too narrow an interval ~97%: both fail.
     */
    @Test
    void a_99_percent_interval_covers_the_true_ratio_about_99_percent_of_the_time() {
        NoiseModel noise = VerdictProof.JMH_SAMPLE_NOISE.withForkSigma(0.01);
        RunComparator comparator = new RunComparator(VerdictSettings.defaults().withBootstrapResamples(400));
        SplittableRandom random = new SplittableRandom(20261124);
        double trueRatio = 1.05;
        int covered = 0;
        int total = 1000;
        for (int i = 0; i < total; i++) {
            double median = Math.pow(10, 3 * random.nextDouble());
            Samples baseline = noise.sample(random, 5, 10, median);
            Samples trial = noise.sample(random, 5, 10, median * trueRatio);
            Effect effect = comparator.compare(ComparisonInput.of("b" + i, "primary", "ns/op", trial, baseline),
                    MachineCheck.sameMachine("m")).effect().orElseThrow();
            covered += effect.low() <= trueRatio && trueRatio <= effect.high() ? 1 : 0;
        }

        assertThat(covered / (double) total).isBetween(0.982, 0.998);
    }

    @Test
    void the_same_input_gives_the_same_interval_bit_for_bit() {
        HierarchicalBootstrap one = new HierarchicalBootstrap();
        HierarchicalBootstrap two = new HierarchicalBootstrap();
        Samples trial = Fixtures.quiet(1, 105);
        Samples baseline = Fixtures.quiet(2, 100);

        Effect first = one.interval(trial, baseline, Effect.Scale.RATIO, 2000, 0.99, 7, 8);
        one.interval(Fixtures.quiet(3, 1), Fixtures.quiet(4, 1), Effect.Scale.RATIO, 500, 0.9, 1, 2); // dirty the scratch arrays
        Effect again = one.interval(trial, baseline, Effect.Scale.RATIO, 2000, 0.99, 7, 8);
        Effect fresh = two.interval(trial, baseline, Effect.Scale.RATIO, 2000, 0.99, 7, 8);

        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
    }

    @Test
    void forks_of_different_lengths_are_resampled_without_error() {
        Samples trial = Samples.of(new double[] {10, 11, 10.5}, new double[] {10.2}, new double[] {10.1, 10.3, 10.2, 10.4, 10.0, 9.9});
        Samples baseline = Samples.of(new double[] {10, 10.1}, new double[] {9.9, 10.2, 10.0, 10.1, 10.05});

        Effect effect = new HierarchicalBootstrap().interval(trial, baseline, Effect.Scale.RATIO, 1000, 0.99, 1, 2);

        assertThat(effect.low()).isLessThanOrEqualTo(effect.estimate());
        assertThat(effect.high()).isGreaterThanOrEqualTo(effect.estimate());
        assertThat(effect.low()).isPositive();
    }

    @Property(tries = 200)
    void the_interval_contains_the_point_estimate(@ForAll("samples") Samples trial, @ForAll("samples") Samples baseline) {
        Effect effect = new HierarchicalBootstrap().interval(trial, baseline, Effect.Scale.RATIO, 400, 0.99, 11, 12);

        assertThat(effect.low()).isLessThanOrEqualTo(effect.estimate());
        assertThat(effect.estimate()).isLessThanOrEqualTo(effect.high());
    }

    @Property(tries = 100)
    void swapping_trial_and_baseline_mirrors_the_verdict_for_a_lower_is_better_metric(
            @ForAll("samples") Samples a, @ForAll("samples") Samples b) {
        RunComparator comparator = new RunComparator(VerdictSettings.defaults().withBootstrapResamples(400));
        MachineCheck machine = MachineCheck.sameMachine("m");
        ComparisonInput input = ComparisonInput.of("bench", "primary", "ns/op", a, b);

        Comparison forward = comparator.compare(input, machine);
        Comparison backward = comparator.compare(input.swapped(), machine);

        assertThat(backward.verdict()).isEqualTo(switch (forward.verdict()) {
            case IMPROVED -> Verdict.REGRESSED;
            case REGRESSED -> Verdict.IMPROVED;
            default -> forward.verdict();
        });
        if (forward.effect().isPresent()) {
            Effect f = forward.effect().get();
            Effect r = backward.effect().orElseThrow();
            assertThat(r.estimate()).isCloseTo(1 / f.estimate(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            assertThat(r.low()).isCloseTo(1 / f.high(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            assertThat(r.high()).isCloseTo(1 / f.low(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    @Property(tries = 300)
    void selection_median_equals_the_sorted_median(@ForAll("values") double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double expected = (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

        assertThat(Medians.ofRangeInPlace(values.clone(), 0, n)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<double[]> values() {
        return Arbitraries.doubles().between(0, 1000).ofScale(2).list().ofMinSize(1).ofMaxSize(60)
                .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** 2–6 forks of 3–12 iterations around a median in [1, 1000] with up to 10% spread; ties possible. */
    @Provide
    Arbitrary<Samples> samples() {
        Arbitrary<Double> median = Arbitraries.doubles().between(1, 1000);
        Arbitrary<Double> spread = Arbitraries.doubles().between(0.001, 0.1).ofScale(4);
        Arbitrary<Integer> forks = Arbitraries.integers().between(2, 6);
        Arbitrary<Integer> iterations = Arbitraries.integers().between(3, 12);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(median, spread, forks, iterations, seed).as((m, s, f, i, sd) -> {
            SplittableRandom random = new SplittableRandom(sd);
            double[][] values = new double[f][i];
            for (double[] fork : values) {
                double offset = 1 + s * random.nextGaussian();
                for (int k = 0; k < i; k++) {
                    // rounded to 3 significant digits so that ties happen, as with coarse timers
                    double v = Math.max(1e-3, m * offset * (1 + s * random.nextGaussian()));
                    fork[k] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
                }
            }
            return Samples.of(values);
        });
    }

}
