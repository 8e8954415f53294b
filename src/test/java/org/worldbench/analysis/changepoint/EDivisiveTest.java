package org.worldbench.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EDivisiveTest {

    private static final EDivisive.Settings DEFAULTS = EDivisive.Settings.defaults();

    /** Per-run medians: 100 ns/op with 1% Gaussian noise and, 5% of the time, a bad run up to 8% slower. */
    private static double[] noise(SplittableRandom random, int n) {
        double[] series = new double[n];
        for (int i = 0; i < n; i++) {
            series[i] = 100 * (1 + 0.01 * random.nextGaussian());
            if (random.nextDouble() < 0.05) {
                series[i] *= 1 + 0.08 * random.nextDouble();
            }
        }
        return series;
    }

    @Test
    void a_planted_step_of_four_percent_is_found_at_its_run() {
        SplittableRandom random = new SplittableRandom(1);
        int found = 0;
        int series = 100;
        for (int s = 0; s < series; s++) {
            double[] history = noise(random, 40);
            int step = 10 + random.nextInt(21);
            for (int i = step; i < history.length; i++) {
                history[i] *= 1.04;
            }
            List<ChangePoint> points = EDivisive.detect(history, DEFAULTS);
            if (points.stream().anyMatch(p -> Math.abs(p.index() - step) <= 1)) {
                found++;
            }
        }

        assertThat(found).as("series whose planted step was found within one run").isGreaterThanOrEqualTo(95);
    }

    /**
     * The documented rate: a series of pure noise yields a change point with probability at most the
     * significance (1%). 300 series: a binomial(300, 0.01) exceeds 9 once in ~3,000 runs of this test.
     */
    @Test
    void pure_noise_yields_change_points_at_no_more_than_the_significance_level() {
        SplittableRandom random = new SplittableRandom(2);
        int withChangePoint = 0;
        for (int s = 0; s < 300; s++) {
            if (!EDivisive.detect(noise(random, 40), new EDivisive.Settings(0.01, 499, 3, s)).isEmpty()) {
                withChangePoint++;
            }
        }

        assertThat(withChangePoint).isLessThanOrEqualTo(9);
    }

    @Test
    void two_steps_are_both_found_with_their_levels() {
        double[] history = noise(new SplittableRandom(3), 45);
        for (int i = 15; i < 45; i++) {
            history[i] *= 1.10;
        }
        for (int i = 30; i < 45; i++) {
            history[i] *= 0.85;
        }

        List<ChangePoint> points = EDivisive.detect(history, DEFAULTS);

        assertThat(points).extracting(ChangePoint::index).containsExactly(15, 30);
        assertThat(points.get(0).relativeChange()).isBetween(0.07, 0.13);
        assertThat(points.get(1).relativeChange()).isBetween(-0.18, -0.12);
    }

    @Test
    void the_same_series_gives_the_same_answer() {
        double[] history = noise(new SplittableRandom(4), 30);
        for (int i = 20; i < 30; i++) {
            history[i] *= 1.03;
        }

        assertThat(EDivisive.detect(history, DEFAULTS)).isEqualTo(EDivisive.detect(history.clone(), DEFAULTS));
    }

    @Test
    void a_constant_or_short_series_has_no_change_point() {
        assertThat(EDivisive.detect(new double[] {5, 5, 5, 5, 5, 5, 5, 5}, DEFAULTS)).isEmpty();
        assertThat(EDivisive.detect(new double[] {1, 2, 30, 40, 50}, DEFAULTS)).isEmpty();
        assertThat(EDivisive.detect(new double[0], DEFAULTS)).isEmpty();
    }

    @Test
    void bad_input_is_rejected_with_the_run_named() {
        assertThatThrownBy(() -> EDivisive.detect(new double[] {1, 2, Double.NaN, 4, 5, 6}, DEFAULTS))
                .hasMessageContaining("series[2] is NaN");
        assertThatThrownBy(() -> new EDivisive.Settings(0.001, 99, 3, 1))
                .hasMessageContaining("with 99 permutations no p-value can reach 0.001");
        assertThatThrownBy(() -> new EDivisive.Settings(0.01, 499, 1, 1))
                .hasMessageContaining("minimumSegment must be at least 2");
    }

    // --- telling a new step from noise for the latest run ---

    @Test
    void three_runs_at_a_new_level_are_a_new_step() {
        double[] history = noise(new SplittableRandom(5), 30);
        for (int i = 27; i < 30; i++) {
            history[i] *= 1.06;
        }

        HistoryCheck.Assessment assessment = HistoryCheck.assessLatest(history, DEFAULTS);

        assertThat(assessment.status()).isEqualTo(HistoryCheck.Status.NEW_STEP);
        assertThat(assessment.step().orElseThrow().index()).isEqualTo(27);
        assertThat(assessment.reason()).contains("step of +", "3 runs ago");
    }

    @Test
    void one_deviant_run_is_an_unconfirmed_deviation_not_a_step() {
        double[] history = noise(new SplittableRandom(6), 30);
        history[29] = 112;

        HistoryCheck.Assessment assessment = HistoryCheck.assessLatest(history, DEFAULTS);

        assertThat(assessment.status()).isEqualTo(HistoryCheck.Status.UNCONFIRMED_DEVIATION);
        assertThat(assessment.reason()).contains("confirmed once 3 runs agree");
    }

    @Test
    void a_run_like_its_predecessors_is_steady() {
        double[] history = noise(new SplittableRandom(7), 30);
        history[29] = 100.0;

        assertThat(HistoryCheck.assessLatest(history, DEFAULTS).status()).isEqualTo(HistoryCheck.Status.STEADY);
    }

    @Test
    void an_old_step_is_the_current_level_not_a_new_step() {
        double[] history = noise(new SplittableRandom(8), 30);
        for (int i = 10; i < 30; i++) {
            history[i] *= 1.08;
        }
        history[29] = 108.0;

        HistoryCheck.Assessment assessment = HistoryCheck.assessLatest(history, DEFAULTS);

        assertThat(assessment.status()).isEqualTo(HistoryCheck.Status.STEADY);
        assertThat(assessment.all()).extracting(ChangePoint::index).containsExactly(10);
    }

    @Test
    void a_short_history_says_so() {
        assertThat(HistoryCheck.assessLatest(new double[] {1, 2, 3}, DEFAULTS).status())
                .isEqualTo(HistoryCheck.Status.TOO_SHORT);
    }
}
