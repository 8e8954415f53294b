package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunComparatorTest {

    private final RunComparator comparator = new RunComparator(VerdictSettings.defaults());
    private final MachineCheck sameMachine = MachineCheck.sameMachine("epyc-2c-24g-linux-temurin25");

    private Comparison judge(ComparisonInput input) {
        return comparator.compare(input, sameMachine);
    }

    @Test
    void a_ten_percent_slowdown_in_time_per_op_is_regressed_with_its_numbers_in_the_reason() {
        Comparison c = judge(ComparisonInput.of("step", "primary", "ns/op",
                Fixtures.quiet(1, 110), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.percentChange()).isBetween(8.0, 12.0);
        assertThat(c.effect().orElseThrow().low()).isGreaterThan(1.0);
        assertThat(c.reason()).contains("worse", "lower is better for ns/op", "99% CI", "Mann–Whitney p");
    }

    @Test
    void a_ten_percent_speed_up_is_improved() {
        Comparison c = judge(ComparisonInput.of("step", "primary", "ns/op",
                Fixtures.quiet(1, 90), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(c.reason()).contains("better");
    }

    @Test
    void higher_throughput_is_an_improvement_because_the_unit_says_higher_is_better() {
        Comparison c = judge(ComparisonInput.of("step", "primary", "ops/s",
                Fixtures.quiet(1, 110), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(c.direction()).contains(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void a_direction_override_beats_the_unit() {
        ComparisonInput input = ComparisonInput.of("step", "primary", "ops/s", Fixtures.quiet(1, 110), Fixtures.quiet(2, 100))
                .withOverrides(BenchmarkOverrides.none().withDirection(Direction.LOWER_IS_BETTER));

        assertThat(judge(input).verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void a_same_distribution_is_unchanged_and_the_interval_fits_in_the_band() {
        Comparison c = judge(ComparisonInput.of("step", "primary", "ns/op",
                Fixtures.quiet(1, 100), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.reason()).contains("within the 3% minimum effect");
    }

    @Test
    void a_per_benchmark_minimum_effect_override_decides_what_is_worth_a_flag() {
        ComparisonInput input = ComparisonInput.of("step", "primary", "ns/op", Fixtures.quiet(1, 106), Fixtures.quiet(2, 100));

        assertThat(judge(input).verdict()).isEqualTo(Verdict.REGRESSED);
        Comparison relaxed = judge(input.withOverrides(BenchmarkOverrides.none().withMinimumEffect(0.15)));
        assertThat(relaxed.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(relaxed.reason()).contains("a significant but small change", "15% minimum effect");
    }

    @Test
    void a_large_but_noisy_move_is_inconclusive_and_asks_for_more_forks() {
        // forks that disagree wildly: 2 forks per side, 20% fork spread
        Samples trial = Samples.of(new double[] {100, 101, 99, 100}, new double[] {140, 141, 139, 140});
        Samples baseline = Samples.of(new double[] {100, 100.5, 99.5, 100}, new double[] {112, 111, 113, 112});

        Comparison c = judge(ComparisonInput.of("step", "primary", "ns/op", trial, baseline));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("more forks");
    }

    @Test
    void benjamini_hochberg_runs_over_every_comparison_of_the_run() {
        List<ComparisonInput> run = List.of(
                ComparisonInput.of("a", "primary", "ns/op", Fixtures.quiet(1, 110), Fixtures.quiet(2, 100)),
                ComparisonInput.of("b", "primary", "ns/op", Fixtures.quiet(3, 100), Fixtures.quiet(4, 100)),
                ComparisonInput.of("c", "primary", "ns/op", Fixtures.quiet(5, 100), Fixtures.quiet(6, 100)));

        RunComparison result = comparator.compare(run, sameMachine);

        double[] raw = result.comparisons().stream().mapToDouble(Comparison::pValue).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            assertThat(result.comparisons().get(i).adjustedPValue()).isEqualTo(adjusted[i]);
        }
        assertThat(result.count(Verdict.REGRESSED)).isEqualTo(1);
        assertThat(result.hasRegression()).isTrue();
    }

    @Test
    void results_are_reproducible_and_independent_of_the_order_of_benchmarks() {
        ComparisonInput a = ComparisonInput.of("a", "primary", "ns/op", Fixtures.quiet(1, 104), Fixtures.quiet(2, 100));
        ComparisonInput b = ComparisonInput.of("b", "primary", "ns/op", Fixtures.quiet(3, 100), Fixtures.quiet(4, 100));

        Comparison first = comparator.compare(List.of(a, b), sameMachine).comparisons().get(0);
        Comparison again = new RunComparator(VerdictSettings.defaults()).compare(List.of(b, a), sameMachine).comparisons().get(1);

        assertThat(again.effect()).isEqualTo(first.effect());
        assertThat(again.reason()).isEqualTo(first.reason());
    }

    // --- bytes per operation and zero ---

    @Test
    void a_jump_from_zero_bytes_per_op_is_regressed_even_when_time_did_not_move() {
        List<ComparisonInput> run = List.of(
                ComparisonInput.of("step", "primary", "ns/op", Fixtures.quiet(1, 100), Fixtures.quiet(2, 100)),
                ComparisonInput.of("step", "gc.alloc.rate.norm", "B/op",
                        Fixtures.constant(5, 10, 40.0), Fixtures.constant(5, 10, 0.0001)));

        RunComparison result = comparator.compare(run, sameMachine);

        assertThat(result.comparisons().get(0).verdict()).isEqualTo(Verdict.UNCHANGED);
        Comparison bytes = result.comparisons().get(1);
        assertThat(bytes.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(bytes.effect().orElseThrow().scale()).isEqualTo(Effect.Scale.DIFFERENCE);
        assertThat(bytes.effect().orElseThrow().estimate()).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(bytes.percentChange()).isNaN();
        assertThat(bytes.reason()).contains("from zero", "B/op");
    }

    @Test
    void zero_bytes_per_op_on_both_sides_is_unchanged() {
        Comparison c = judge(ComparisonInput.of("step", "gc.alloc.rate.norm", "B/op",
                Fixtures.constant(5, 10, 0.0001), Fixtures.constant(5, 10, 0.0003)));

        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.reason()).contains("allocates nothing on either side");
    }

    @Test
    void a_constant_allocation_that_grew_is_regressed_by_ratio() {
        Comparison c = judge(ComparisonInput.of("step", "gc.alloc.rate.norm", "B/op",
                Fixtures.constant(5, 10, 48.0), Fixtures.constant(5, 10, 40.0)));

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.percentChange()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void an_allocation_that_disappeared_is_improved() {
        Comparison c = judge(ComparisonInput.of("step", "gc.alloc.rate.norm", "B/op",
                Fixtures.constant(5, 10, 0.0), Fixtures.constant(5, 10, 40.0)));

        assertThat(c.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void the_same_constant_allocation_is_unchanged() {
        Comparison c = judge(ComparisonInput.of("step", "gc.alloc.rate.norm", "B/op",
                Fixtures.constant(5, 10, 40.0), Fixtures.constant(5, 10, 40.0)));

        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.reason()).startsWith("no significant change (±0.0%)");
    }

    // --- degenerate input: INCONCLUSIVE with a reason, never an exception ---

    @Test
    void a_missing_baseline_is_inconclusive() {
        Comparison c = judge(ComparisonInput.withoutBaseline("step", "primary", "ns/op", Fixtures.quiet(1, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("no baseline");
        assertThat(c.baseline()).isEmpty();
        assertThat(c.trial().samples()).isEqualTo(50);
    }

    @Test
    void nan_and_infinite_scores_are_inconclusive_and_named_by_fork_and_iteration() {
        Samples withNan = Samples.of(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3});
        Samples withInf = Samples.of(new double[] {1, 2, 3}, new double[] {1, 2, Double.POSITIVE_INFINITY});
        Samples withNegInf = Samples.of(new double[] {Double.NEGATIVE_INFINITY, 2, 3}, new double[] {1, 2, 3});
        Samples fine = Fixtures.quiet(1, 2);

        assertThat(judge(ComparisonInput.of("s", "primary", "ns/op", withNan, fine)))
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE))
                .satisfies(c -> assertThat(c.reason()).contains("trial sample fork 2, iteration 2 is NaN"));
        assertThat(judge(ComparisonInput.of("s", "primary", "ns/op", fine, withInf)))
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE))
                .satisfies(c -> assertThat(c.reason()).contains("baseline sample fork 2, iteration 3 is Infinity"));
        assertThat(judge(ComparisonInput.of("s", "primary", "ns/op", withNegInf, fine)).reason())
                .contains("fork 1, iteration 1 is -Infinity");
    }

    @Test
    void one_fork_is_inconclusive_because_fork_to_fork_spread_is_unknown() {
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op",
                Samples.of(new double[] {100, 101, 99, 100, 102, 98, 100, 101, 99, 100}), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("trial has 1 fork", "at least 2");
    }

    @Test
    void a_single_sample_is_inconclusive() {
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op",
                Fixtures.quiet(1, 100), Samples.of(new double[] {100}, new double[0])));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("baseline has 1 fork");
    }

    @Test
    void too_few_samples_over_enough_forks_is_inconclusive() {
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op",
                Samples.of(new double[] {100, 101}, new double[] {99, 100}), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("trial has 4 samples", "at least 6");
    }

    @Test
    void an_empty_trial_is_inconclusive() {
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op", Samples.empty(), Fixtures.quiet(2, 100)));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("trial has no samples");
    }

    @Test
    void a_timing_with_zero_variance_is_inconclusive() {
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op",
                Fixtures.constant(5, 10, 12.0), Fixtures.quiet(2, 12)));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("every trial sample is 12 ns/op", "timer-resolution");
    }

    @Test
    void a_zero_baseline_time_is_inconclusive_because_the_ratio_is_undefined() {
        Samples zeros = Samples.of(new double[] {0, 0, 0, 0.0}, new double[] {0, 0, 1e-9, 0});
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op", Fixtures.quiet(1, 10), zeros));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("ratio to zero is undefined");
    }

    @Test
    void a_unit_without_direction_is_inconclusive_until_overridden() {
        ComparisonInput input = ComparisonInput.of("s", "gc.alloc.rate", "MB/sec", Fixtures.quiet(1, 110), Fixtures.quiet(2, 100));

        assertThat(judge(input).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judge(input).reason()).contains("'MB/sec' does not say");
        assertThat(judge(input.withOverrides(BenchmarkOverrides.none().withDirection(Direction.LOWER_IS_BETTER))).verdict())
                .isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void negative_samples_are_inconclusive() {
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op",
                Samples.of(new double[] {-1, 1, 2}, new double[] {1, 2, 3}), Fixtures.quiet(2, 2)));

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("negative");
    }

    @Test
    void empty_forks_are_ignored_rather_than_counted() {
        Samples trial = Samples.of(new double[0], new double[] {110, 111, 109, 110, 110}, new double[] {110, 109, 111, 110, 110});
        Comparison c = judge(ComparisonInput.of("s", "primary", "ns/op", trial, Fixtures.quiet(2, 100)));

        assertThat(c.trial().forks()).isEqualTo(2);
        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    // --- machines ---

    @Test
    void a_baseline_from_another_machine_is_refused_unless_forced_and_the_reason_says_so() {
        ComparisonInput input = ComparisonInput.of("s", "primary", "ns/op", Fixtures.quiet(1, 110), Fixtures.quiet(2, 100));

        Comparison refused = comparator.compare(input, MachineCheck.of("machine-a", "machine-b", false));
        Comparison forced = comparator.compare(input, MachineCheck.of("machine-a", "machine-b", true));
        Comparison unknown = comparator.compare(input, MachineCheck.of("machine-a", null, false));

        assertThat(refused.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(refused.reason()).contains("machine-b", "machine-a", "refusing", "force");
        assertThat(forced.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(forced.reason()).startsWith("compared across machines because it was forced");
        assertThat(unknown.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(unknown.reason()).contains("unknown machine");
    }

    // --- misuse of the API ---

    @Test
    void misuse_of_the_api_fails_with_the_field_named() {
        assertThatThrownBy(() -> ComparisonInput.of(" ", "primary", "ns/op", Samples.empty(), Samples.empty()))
                .hasMessageContaining("benchmark must not be blank");
        assertThatThrownBy(() -> ComparisonInput.of("s", "primary", "ns/op", null, Samples.empty()))
                .hasMessageContaining("trial samples of s / primary");
        assertThatThrownBy(() -> VerdictSettings.defaults().withConfidenceLevel(99))
                .hasMessageContaining("confidenceLevel").hasMessageContaining("99");
        assertThatThrownBy(() -> VerdictSettings.defaults().withMinimumEffect(3))
                .hasMessageContaining("minimumEffect must be a fraction");
        assertThatThrownBy(() -> BenchmarkOverrides.none().withMinimumEffect(-0.1))
                .hasMessageContaining("minimumEffect override");
        assertThatThrownBy(() -> Samples.of(new double[] {1}, null))
                .hasMessageContaining("fork 2 of 2 is null");
        assertThatThrownBy(() -> Verdict.ofCode("worse")).hasMessageContaining("'worse'");
    }

    @Test
    void verdict_codes_are_stable() {
        assertThat(List.of(Verdict.values()).stream().map(Verdict::code)).containsExactly("improved", "regressed", "unchanged", "inconclusive");
        assertThat(Verdict.ofCode("regressed")).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void overrides_carry_into_the_result() {
        ComparisonInput input = ComparisonInput.of("s", "primary", "ns/op", Fixtures.quiet(1, 100), Fixtures.quiet(2, 100))
                .withOverrides(new BenchmarkOverrides(Optional.empty(), Optional.of(0.1)));

        assertThat(judge(input).minimumEffect()).isEqualTo(0.1);
    }
}
