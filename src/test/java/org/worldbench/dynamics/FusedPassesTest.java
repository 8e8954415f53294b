package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.testsupport.golden.GoldenModel;

/**
 * The fused outward pass (positions, frames, velocities and ABA's start in one visit per body,
 * a chain parent's values taken from scratch) must give bit for bit what the separate passes give:
 * forward dynamics runs the fused pass after {@code setPositions} and the separate ones when only
 * some kinematics are stale, and both must agree exactly.
 */
class FusedPassesTest {

    static Stream<Arguments> modelsAndStorages() {
        return Stream.of("chain7", "chain_ball5", "floating_chain5", "tree15", "atlas", "wam")
                .flatMap(m -> Stream.of(StateStorage.values()).map(s -> Arguments.of(m, s)));
    }

    private static double[] random(SplittableRandom r, int n, double bound) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-bound, bound);
        }
        return v;
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("modelsAndStorages")
    void fused_forward_dynamics_equals_the_separate_passes_bit_for_bit(String model, StateStorage storage) {
        try (Skeleton s = GoldenModel.load(model).build(storage)) {
            SplittableRandom r = new SplittableRandom(5);
            int n = s.dofCount();
            double[] q = random(r, n, 0.5);
            double[] dq = random(r, n, 1);
            s.setForces(random(r, n, 5));
            s.setExternalForce(s.bodyCount() - 1, 1.5, -2, 0.5, 0.1, 0.2, -0.3);

            s.setPositions(q);
            s.setVelocities(dq);
            ForwardDynamics.compute(s); // fused: everything was stale
            double[] fused = s.accelerations();
            double[] fusedTransform = new double[12];
            s.worldTransform(s.bodyCount() - 1, fusedTransform, 0);

            s.setPositions(q);
            s.setVelocities(dq);
            Kinematics.computePositions(s); // transforms current: forward dynamics runs the separate passes
            double[] separateTransform = new double[12];
            s.worldTransform(s.bodyCount() - 1, separateTransform, 0);
            ForwardDynamics.compute(s);

            assertThat(s.accelerations()).containsExactly(fused);
            assertThat(separateTransform).containsExactly(fusedTransform);
            assertThat(fused).as("a real solve, not zeros").isNotEqualTo(new double[n]);
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("modelsAndStorages")
    void fused_kinematics_equal_the_separate_passes_bit_for_bit(String model, StateStorage storage) {
        try (Skeleton s = GoldenModel.load(model).build(storage)) {
            SplittableRandom r = new SplittableRandom(9);
            int n = s.dofCount();
            double[] q = random(r, n, 0.5);
            double[] dq = random(r, n, 1);
            double[] fused = new double[6 * s.bodyCount()];
            double[] separate = new double[6 * s.bodyCount()];

            s.setPositions(q);
            s.setVelocities(dq);
            Kinematics.updateVelocities(s); // one fused pass
            for (int i = 0; i < s.bodyCount(); i++) {
                Kinematics.bodySpatialVelocity(s, i, fused, 6 * i);
            }
            s.setPositions(q);
            Kinematics.updateFrames(s);    // positions and frames first, then velocities alone
            Kinematics.updateVelocities(s);
            for (int i = 0; i < s.bodyCount(); i++) {
                Kinematics.bodySpatialVelocity(s, i, separate, 6 * i);
            }
            assertThat(separate).containsExactly(fused);
        }
    }
}
