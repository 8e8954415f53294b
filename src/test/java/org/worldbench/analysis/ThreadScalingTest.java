package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ThreadScalingTest {

    private static final double LEVEL = 0.95;

    @Test
    void two_threads_taking_as_long_as_one_scale_by_two() {
        Samples one = Samples.of(new double[] {40, 41, 39}, new double[] {40, 42, 38});
        Samples two = Samples.of(new double[] {40, 39, 41}, new double[] {38, 40, 42});

        Effect scaling = ThreadScaling.of("parallelWorlds", one, two, 2, LEVEL);

        assertThat(scaling.estimate()).isEqualTo(2.0);
        assertThat(scaling.low()).isLessThanOrEqualTo(2.0);
        assertThat(scaling.high()).isGreaterThanOrEqualTo(2.0);
        assertThat(scaling.confidenceLevel()).isEqualTo(LEVEL);
    }

    @Test
    void threads_that_run_one_after_another_scale_by_one() {
        Samples one = Samples.of(new double[] {40, 40.5, 39.5});
        Samples two = Samples.of(new double[] {80, 81, 79});

        assertThat(ThreadScaling.of("serial", one, two, 2, LEVEL).estimate()).isEqualTo(1.0);
    }

    @Test
    void the_interval_is_the_median_ratio_interval_times_the_thread_count() {
        SplittableRandom random = new SplittableRandom(6);
        Samples one = noisy(random, 40);
        Samples four = noisy(random, 45);

        Effect scaling = ThreadScaling.of("k", one, four, 4, LEVEL);
        Effect perOperation = MedianRatioInterval.of("k", one, four, LEVEL);

        assertThat(scaling.estimate()).isCloseTo(4 * perOperation.estimate(), within(1e-12));
        assertThat(scaling.low()).isCloseTo(4 * perOperation.low(), within(1e-12));
        assertThat(scaling.high()).isCloseTo(4 * perOperation.high(), within(1e-12));
        assertThat(scaling.low()).isLessThan(scaling.estimate()).isGreaterThan(0);
        assertThat(scaling.high()).isGreaterThan(scaling.estimate());
    }

    @Test
    void a_target_is_met_only_when_the_whole_interval_reaches_it() {
        assertThat(ThreadScaling.against(ratio(1.95, 1.91, 1.99), 1.9)).isEqualTo(ThreadScaling.Against.MET);
        assertThat(ThreadScaling.against(ratio(1.92, 1.90, 1.99), 1.9)).isEqualTo(ThreadScaling.Against.MET);
        assertThat(ThreadScaling.against(ratio(1.95, 1.85, 2.05), 1.9)).isEqualTo(ThreadScaling.Against.NOT_SHOWN);
        assertThat(ThreadScaling.against(ratio(1.80, 1.70, 1.89), 1.9)).isEqualTo(ThreadScaling.Against.MISSED);
    }

    @Test
    void fewer_than_one_thread_is_refused() {
        Samples one = Samples.of(new double[] {1, 2});
        assertThatThrownBy(() -> ThreadScaling.of("zero", one, one, 0, LEVEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero: threads must be at least 1, got 0");
    }

    @Test
    void a_paired_scaling_is_the_median_of_the_per_iteration_ratios() {
        // fork 2 is a JVM twice as slow as fork 1, on both operations alike
        Samples one = Samples.of(new double[] {40, 40, 40}, new double[] {80, 80, 80});
        Samples two = Samples.of(new double[] {40, 42, 40}, new double[] {80, 84, 80});

        Effect paired = ThreadScaling.paired("worlds", one, two, 2, LEVEL);

        assertThat(ThreadScaling.pairedRatios("worlds", one, two, 2))
                .isEqualTo(Samples.of(new double[] {2, 80 / 42.0, 2}, new double[] {2, 160 / 84.0, 2}));
        assertThat(paired.estimate()).isEqualTo(2.0);
        assertThat(paired.low()).isBetween(1.85, 2.0);
        assertThat(paired.high()).isEqualTo(2.0);
        assertThat(paired.scale()).isEqualTo(Effect.Scale.RATIO);
        assertThat(paired.confidenceLevel()).isEqualTo(LEVEL);
        // the same numbers read as two trials mix the slow and the fast JVM into one ratio of medians
        assertThat(ThreadScaling.of("worlds", one, two, 2, LEVEL).low()).isLessThan(1.5);
    }

    /**
     * The reason for the paired design, on synthetic data with a known scaling of 1.95: each JVM is fast
     * or 1.6× slow with equal odds (as the cache control's two modes on the shared VM), 2% noise per
     * iteration. Two separate trials (a JVM each) give an interval too wide to decide 1.9; pairs in the
     * same JVMs divide the JVM's speed out.
     */
    @Test
    void pairing_one_and_two_threads_in_the_same_forks_narrows_the_interval_to_a_decision() {
        SplittableRandom random = new SplittableRandom(61);
        double truth = 1.95;
        Samples[] paired = pairedForks(random, 12, 6, 40, truth, 0.0);
        Samples separateOne = pairedForks(random, 12, 6, 40, truth, 0.0)[0];
        Samples separateTwo = pairedForks(random, 12, 6, 40, truth, 0.0)[1];

        Effect fromPairs = ThreadScaling.paired("worlds", paired[0], paired[1], 2, LEVEL);
        Effect fromTwoTrials = ThreadScaling.of("worlds", separateOne, separateTwo, 2, LEVEL);

        assertThat(fromPairs.low()).isLessThanOrEqualTo(truth);
        assertThat(fromPairs.high()).isGreaterThanOrEqualTo(truth);
        assertThat(fromPairs.high() - fromPairs.low()).isLessThan(0.05);
        assertThat(fromTwoTrials.high() - fromTwoTrials.low()).isGreaterThan(10 * (fromPairs.high() - fromPairs.low()));
    }

    /**
     * Coverage of the paired interval: 400 synthetic runs of 12 forks × 6 iterations, true scaling 1.95,
     * bimodal JVMs as above, 2% iteration noise on each time and a 1% fork-to-fork spread of the ratio
     * itself (pairing does not cancel everything a JVM carries). 1,000 resamples per interval.
     * A 95% interval should cover about 95% of the time; binomial spread at n = 400 is ±1.1%.
     */
    @Test
    void a_95_percent_paired_interval_covers_the_true_scaling_about_95_percent_of_the_time() {
        SplittableRandom random = new SplittableRandom(20261125);
        double truth = 1.95;
        int covered = 0;
        int total = 400;
        for (int i = 0; i < total; i++) {
            Samples[] pair = pairedForks(random, 12, 6, 40, truth, 0.01);
            Effect e = ThreadScaling.paired("run" + i, pair[0], pair[1], 2, LEVEL, 1000);
            covered += e.low() <= truth && truth <= e.high() ? 1 : 0;
        }

        assertThat(covered / (double) total).isBetween(0.91, 0.985);
    }

    @Test
    void paired_times_must_come_from_the_same_iterations() {
        Samples one = Samples.of(new double[] {40, 40}, new double[] {40});
        assertThatThrownBy(() -> ThreadScaling.paired("k", one, Samples.of(new double[] {40, 40}), 2, LEVEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k: not paired: 2 forks with one thread, 1 with 2");
        assertThatThrownBy(() -> ThreadScaling.paired("k", one, Samples.of(new double[] {40, 40}, new double[] {40, 40}), 2, LEVEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k: not paired: fork 2 has 1 iterations with one thread, 2 with 2");
        assertThatThrownBy(() -> ThreadScaling.paired("k", one, Samples.of(new double[] {40, 0}, new double[] {40}), 2, LEVEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k: fork 1, iteration 2: times must be finite and positive, got 40.0 and 0.0");
    }

    /**
     * {@code forks} JVMs, each fast or 1.6× slow with equal odds, of {@code iterations} iterations: one-thread
     * times around {@code time}, T-thread times such that 2 × one / two is {@code scaling} (times a per-fork
     * factor of spread {@code forkSpread}), each time with 2% uniform noise of its own.
     */
    private static Samples[] pairedForks(SplittableRandom random, int forks, int iterations, double time, double scaling,
            double forkSpread) {
        double[][] one = new double[forks][iterations];
        double[][] two = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double jvm = random.nextBoolean() ? 1.0 : 1.6;
            double forkScaling = scaling * (1 + forkSpread * random.nextGaussian());
            for (int i = 0; i < iterations; i++) {
                one[f][i] = time * jvm * (1 + 0.02 * (random.nextDouble() - 0.5));
                two[f][i] = 2 * time * jvm / forkScaling * (1 + 0.02 * (random.nextDouble() - 0.5));
            }
        }
        return new Samples[] {Samples.of(one), Samples.of(two)};
    }

    private static Effect ratio(double estimate, double low, double high) {
        return new Effect(Effect.Scale.RATIO, estimate, low, high, LEVEL);
    }

    /** 5 forks × 10 iterations around {@code median}, 2% noise per iteration and 1% per fork. */
    private static Samples noisy(SplittableRandom random, double median) {
        double[][] forks = new double[5][10];
        for (double[] fork : forks) {
            double forkLevel = median * (1 + 0.01 * (random.nextDouble() - 0.5));
            for (int i = 0; i < fork.length; i++) {
                fork[i] = forkLevel * (1 + 0.02 * (random.nextDouble() - 0.5));
            }
        }
        return Samples.of(forks);
    }
}
