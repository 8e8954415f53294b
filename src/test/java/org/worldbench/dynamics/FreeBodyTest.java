package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * The closed forms of {@link FreeBody} against the general algorithms they replace for a single
 * free body (the same skeleton with {@link Skeleton#freeBody} switched off): forward dynamics with
 * an off-centre COM, a full inertia, a rotated parent offset, damping, springs and an external force;
 * the mass matrix; the world Jacobian.
 */
class FreeBodyTest {

    private static Skeleton lopsidedBody(StateStorage storage) {
        Skeleton s = new Skeleton("lopsided", storage);
        JointSpec free = JointSpec.free("free")
                .withParentOffset(Isometry3.fromXyzRpy(new Vec3(0.3, -0.2, 0.1), new Vec3(0.4, -0.3, 0.7)));
        BodyNode body = s.addBody(null, free, "body",
                new Inertia(2.5, new Vec3(0.05, -0.03, 0.08), 0.4, 0.5, 0.3, 0.02, -0.03, 0.01));
        body.setDamping(0.3, 0.2, 0.1, 0.5, 0.4, 0.6);
        body.setSpring(new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.1, -0.1, 0.2, 0.3, -0.2, 0.1});
        assertThat(s.freeBody).as("the closed forms apply").isTrue();
        SplittableRandom r = new SplittableRandom(7);
        double[] q = new double[6];
        double[] dq = new double[6];
        double[] tau = new double[6];
        for (int i = 0; i < 6; i++) {
            q[i] = i < 3 ? r.nextDouble(-0.5, 0.5) : r.nextDouble(-1, 1);
            dq[i] = r.nextDouble(-2, 2);
            tau[i] = r.nextDouble(-5, 5);
        }
        s.setPositions(q);
        s.setVelocities(dq);
        s.setForces(tau);
        s.setGravity(0.5, -1, -9.81);
        s.setTimeStep(0.01);
        body.setExternalForce(new Vec3(3, -2, 5), new Vec3(0.4, 0.1, -0.2));
        return s;
    }

    private static double[] generalPath(Skeleton s, Runnable algorithm, double[] result) {
        s.freeBody = false;
        s.invalidatePositions();
        try {
            algorithm.run();
            return result.clone();
        } finally {
            s.freeBody = true;
            s.invalidatePositions();
        }
    }

    @ParameterizedTest
    @EnumSource(StateStorage.class)
    void forward_dynamics_in_closed_form_equals_the_articulated_body_algorithm(StateStorage storage) {
        try (Skeleton s = lopsidedBody(storage)) {
            double[] general = generalPath(s, () -> ForwardDynamics.compute(s), s.ddq);
            double[] generalAw = new double[6];
            s.block.read(s.offset[0] + BodyRecord.AW, generalAw, 0, 6);
            ForwardDynamics.compute(s);
            double[] aw = new double[6];
            s.block.read(s.offset[0] + BodyRecord.AW, aw, 0, 6);
            for (int i = 0; i < 6; i++) {
                assertThat(s.acceleration(i)).as("ddq[%d]", i).isCloseTo(general[i], within(1e-12 * (1 + Math.abs(general[i]))));
                assertThat(aw[i]).as("AW[%d]", i).isCloseTo(generalAw[i], within(1e-12 * (1 + Math.abs(generalAw[i]))));
            }
            assertThat(general).as("a real solve, not zeros").isNotEqualTo(new double[6]);
        }
    }

    @ParameterizedTest
    @EnumSource(StateStorage.class)
    void the_constant_mass_matrix_equals_crba(StateStorage storage) {
        try (Skeleton s = lopsidedBody(storage)) {
            double[] general = generalPath(s, () -> MassMatrix.compute(s), s.massMatrix);
            MassMatrix.compute(s);
            for (int i = 0; i < 36; i++) {
                assertThat(s.massMatrix[i]).as("M[%d][%d]", i / 6, i % 6)
                        .isCloseTo(general[i], within(1e-13 * (1 + Math.abs(general[i]))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StateStorage.class)
    void the_world_jacobian_from_the_rotation_alone_equals_the_general_one(StateStorage storage) {
        try (Skeleton s = lopsidedBody(storage)) {
            double[] generalOut = new double[36];
            double[] general = generalPath(s, () -> Jacobians.world(s, 0, generalOut), generalOut);
            double[] out = new double[36];
            Jacobians.world(s, 0, out);
            for (int i = 0; i < 36; i++) {
                // the general loop's zeros are p × ω − ω × p in floating point: rounding noise of |p|·ε
                assertThat(out[i]).as("J[%d][%d]", i / 6, i % 6).isCloseTo(general[i], within(1e-15));
            }
        }
    }
}
