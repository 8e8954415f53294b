package org.worldbench.analysis.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.worldbench.analysis.Samples;

class NoiseModelTest {

    /** The constants the proof harness simulates with are what the estimator reads from the real sample. */
    @Test
    void the_proof_noise_is_estimated_from_the_shared_jmh_sample() {
        NoiseModel.Estimate estimate = NoiseModel.estimate(JmhSamples.primaryScores("/samples/jmh-allocators-2026-11-24.json"));

        assertThat(estimate.benchmarks()).isEqualTo(19);
        assertThat(estimate.benchmarksWithForks()).isZero();
        assertThat(estimate.forkSigma()).isNaN();
        assertThat(estimate.iterationSigma()).isCloseTo(VerdictProof.JMH_SAMPLE_NOISE.iterationSigma(), within(5e-5));
        assertThat(estimate.outlierRate()).isCloseTo(VerdictProof.JMH_SAMPLE_NOISE.outlierRate(), within(5e-4));
        assertThat(estimate.outlierMeanExcess()).isCloseTo(VerdictProof.JMH_SAMPLE_NOISE.outlierMeanExcess(), within(5e-4));
    }

    @Test
    void the_estimator_recovers_the_parameters_of_simulated_runs() {
        NoiseModel truth = new NoiseModel(0.02, 0.01, 0.0, 0.0);
        SplittableRandom random = new SplittableRandom(3);
        List<Samples> benchmarks = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            benchmarks.add(truth.sample(random, 5, 10, 100));
        }

        NoiseModel.Estimate estimate = NoiseModel.estimate(benchmarks);

        assertThat(estimate.iterationSigma()).isCloseTo(0.01, within(0.001));
        assertThat(estimate.forkSigma()).isCloseTo(0.02, within(0.004));
        assertThat(estimate.outlierRate()).isLessThan(0.01);
    }

    @Test
    void the_mad_of_five_gaussian_values_reads_three_quarters_of_sigma() {
        // python3: numpy, 20000 sets of 5 N(0,1): median of 1.4826*MAD = 0.746
        assertThat(NoiseModel.madConsistency(5)).isCloseTo(0.746, within(0.01));
    }
}
