package org.worldbench.analysis;

import java.util.SplittableRandom;
import org.worldbench.analysis.proof.NoiseModel;

/** Sample sets for the analysis tests, all from fixed seeds. */
final class Fixtures {

    /** Iteration noise of 1%, fork offsets of 0.5%, no outliers: a quiet machine. */
    static final NoiseModel QUIET = new NoiseModel(0.005, 0.01, 0.0, 0.0);

    private Fixtures() {
    }

    static Samples quiet(long seed, double median) {
        return QUIET.sample(new SplittableRandom(seed), 5, 10, median);
    }

    static Samples constant(int forks, int iterations, double value) {
        double[][] values = new double[forks][iterations];
        for (double[] fork : values) {
            java.util.Arrays.fill(fork, value);
        }
        return Samples.of(values);
    }
}
