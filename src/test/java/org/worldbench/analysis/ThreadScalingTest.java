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
