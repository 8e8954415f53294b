package org.worldbench.benchmark.dynamics;

import java.util.SplittableRandom;

/**
 * Pre-generated inputs, as DART's benchmark program makes them: 64 vectors, positions uniform in
 * [−π, π] (seed 1), velocities uniform in [−1, 1] (seed 2); the timing loop cycles through them
 * so that random-number generation is not timed and no state settles.
 */
final class DynamicsInputs {

    static final int SAMPLES = 64;

    private DynamicsInputs() {
    }

    static double[][] uniform(int dofs, double lo, double hi, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[SAMPLES][dofs];
        for (double[] v : out) {
            for (int i = 0; i < dofs; i++) {
                v[i] = random.nextDouble(lo, hi);
            }
        }
        return out;
    }

    static double[][] positions(int dofs) {
        return uniform(dofs, -Math.PI, Math.PI, 1);
    }

    static double[][] velocities(int dofs) {
        return uniform(dofs, -1, 1, 2);
    }
}
