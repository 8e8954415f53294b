package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from SciPy 1.17.1 with its defaults (method 'auto', use_continuity=True,
 * alternative='two-sided'), e.g.
 * {@code python3 -c "from scipy.stats import mannwhitneyu; r=mannwhitneyu(x, y); print(r.statistic, repr(r.pvalue))"}
 * with x and y as in each test.
 */
class MannWhitneyTest {

    @Test
    void small_samples_without_ties_use_the_exact_distribution_like_scipy() {
        // x=[10.2,11.5,9.8,12.1,10.9]; y=[12.4,13.0,11.9,12.8,13.6,11.7,12.2] -> U=2.0, p=0.010101010101010102 (exact)
        var result = MannWhitney.test(new double[] {10.2, 11.5, 9.8, 12.1, 10.9},
                new double[] {12.4, 13.0, 11.9, 12.8, 13.6, 11.7, 12.2});

        assertThat(result.exact()).isTrue();
        assertThat(result.u()).isEqualTo(2.0);
        assertThat(result.pValue()).isCloseTo(0.010101010101010102, within(1e-12));
    }

    @Test
    void ties_use_the_normal_approximation_with_tie_and_continuity_corrections_like_scipy() {
        // x=[3.1,3.4,3.4,3.0,3.2,3.5,3.3,3.1,3.6,3.2]; y=[3.4,3.6,3.5,3.7,3.4,3.8,3.5,3.3,3.9,3.6,3.6,3.7]
        // -> U=15.0, p=0.0030992609061704117 (asymptotic)
        var result = MannWhitney.test(new double[] {3.1, 3.4, 3.4, 3.0, 3.2, 3.5, 3.3, 3.1, 3.6, 3.2},
                new double[] {3.4, 3.6, 3.5, 3.7, 3.4, 3.8, 3.5, 3.3, 3.9, 3.6, 3.6, 3.7});

        assertThat(result.exact()).isFalse();
        assertThat(result.u()).isEqualTo(15.0);
        assertThat(result.pValue()).isCloseTo(0.0030992609061704117, within(1e-12));
    }

    @Test
    void samples_larger_than_eight_use_the_normal_approximation_like_scipy() {
        // x=[10.2,11.5,9.8,12.1,10.9,11.1,10.4,12.6,9.9,11.8]; y=[12.4,13.0,11.9,12.8,13.6,11.7,12.2,10.5,12.9,11.3,13.3]
        // -> U=17.0, p=0.00827421565071521 (asymptotic)
        var result = MannWhitney.test(new double[] {10.2, 11.5, 9.8, 12.1, 10.9, 11.1, 10.4, 12.6, 9.9, 11.8},
                new double[] {12.4, 13.0, 11.9, 12.8, 13.6, 11.7, 12.2, 10.5, 12.9, 11.3, 13.3});

        assertThat(result.exact()).isFalse();
        assertThat(result.u()).isEqualTo(17.0);
        assertThat(result.pValue()).isCloseTo(0.00827421565071521, within(1e-12));
    }

    @Test
    void small_samples_with_ties_fall_back_to_the_approximation_like_scipy() {
        // x=[1.0,2.0,2.0,3.0]; y=[2.0,3.0,4.0,5.0,6.0] -> U=2.5, p=0.07985619377351644 (asymptotic: ties)
        var result = MannWhitney.test(new double[] {1.0, 2.0, 2.0, 3.0}, new double[] {2.0, 3.0, 4.0, 5.0, 6.0});

        assertThat(result.exact()).isFalse();
        assertThat(result.u()).isEqualTo(2.5);
        assertThat(result.pValue()).isCloseTo(0.07985619377351644, within(1e-12));
    }

    @Test
    void identical_constant_samples_give_no_evidence_instead_of_nan() {
        var result = MannWhitney.test(new double[] {40, 40, 40, 40, 40, 40, 40, 40, 40, 40},
                new double[] {40, 40, 40, 40, 40, 40, 40, 40, 40, 40});

        assertThat(result.pValue()).isEqualTo(1.0);
    }
}
