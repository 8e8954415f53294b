package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.worldbench.testsupport.golden.GoldenModel;

/**
 * What the contact solver relies on: an external force enters forward dynamics as Jᵀf, and a
 * constraint impulse changes the velocities by M⁻¹·Jᵀ·impulse. Checked against the mass matrix and
 * the Jacobian, solved with a general LU decomposition.
 */
class ExternalForceAndImpulseTest {

    private static final double[] POINT = {0.3, -0.2, 0.5};
    private static final double[] VECTOR = {2.0, -1.0, 4.0};

    /** Jᵀ·[(p − o) × v; v] for a world vector v at the world point p on {@code body}. */
    private static double[] generalized(Skeleton s, int body) {
        int n = s.dofCount();
        double[] jacobian = new double[6 * n];
        Jacobians.world(s, body, jacobian);
        double[] t = new double[12];
        s.worldTransform(body, t, 0);
        double rx = POINT[0] - t[9];
        double ry = POINT[1] - t[10];
        double rz = POINT[2] - t[11];
        double[] wrench = {ry * VECTOR[2] - rz * VECTOR[1], rz * VECTOR[0] - rx * VECTOR[2],
            rx * VECTOR[1] - ry * VECTOR[0], VECTOR[0], VECTOR[1], VECTOR[2]};
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < 6; r++) {
                out[c] += jacobian[r * n + c] * wrench[r];
            }
        }
        return out;
    }

    private static RealVector solveWithMassMatrix(Skeleton s, double[] rhs) {
        MassMatrix.compute(s);
        return new LUDecomposition(new Array2DRowRealMatrix(s.massMatrixRows())).getSolver()
                .solve(new ArrayRealVector(rhs));
    }

    private static Skeleton skeletonInState(String model) {
        Skeleton s = GoldenModel.load(model).build(StateStorage.OFF_HEAP);
        int n = s.dofCount();
        for (int i = 0; i < n; i++) {
            s.setPosition(i, 0.4 * Math.sin(i + 1));
            s.setVelocity(i, 0.3 * Math.cos(2 * i));
            s.setForce(i, Math.sin(3 * i));
        }
        for (BodyNode b : s.bodies()) {
            if (b.dofCount() > 0) {
                b.setDamping(new double[b.dofCount()]); // the plain equation of motion
            }
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain7", "chain_ball5", "floating_chain5", "atlas"})
    void external_force_enters_forward_dynamics_as_jacobian_transpose_times_force(String model) {
        try (Skeleton s = skeletonInState(model)) {
            int n = s.dofCount();
            int body = s.bodyCount() - 1;
            double[] cg = new double[n];
            InverseDynamics.coriolisAndGravity(s, cg);
            double[] jtf = generalized(s, body);
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = s.force(i) - cg[i] + jtf[i];
            }
            RealVector expected = solveWithMassMatrix(s, rhs);

            s.setExternalForce(body, VECTOR[0], VECTOR[1], VECTOR[2], POINT[0], POINT[1], POINT[2]);
            ForwardDynamics.compute(s);

            for (int i = 0; i < n; i++) {
                assertThat(s.acceleration(i)).as("ddq[%d]", i)
                        .isCloseTo(expected.getEntry(i), within(1e-9 * Math.max(1, expected.getLInfNorm())));
            }
            // and inverse dynamics with the same external force gives back τ
            double[] tau = new double[n];
            InverseDynamics.computeWithExternalForces(s, s.accelerations(), tau);
            for (int i = 0; i < n; i++) {
                assertThat(tau[i]).as("tau[%d]", i).isCloseTo(s.force(i), within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain7", "chain_ball5", "floating_chain5", "atlas"})
    void constraint_impulse_changes_velocities_by_inverse_mass_times_jacobian_transpose(String model) {
        try (Skeleton s = skeletonInState(model)) {
            int n = s.dofCount();
            int body = s.bodyCount() / 2;
            RealVector expected = solveWithMassMatrix(s, generalized(s, body));

            s.setConstraintImpulse(body, VECTOR[0], VECTOR[1], VECTOR[2], POINT[0], POINT[1], POINT[2]);
            ForwardDynamics.impulse(s);

            for (int i = 0; i < n; i++) {
                assertThat(s.velocityChange(i)).as("dq change [%d]", i)
                        .isCloseTo(expected.getEntry(i), within(1e-10 * Math.max(1, expected.getLInfNorm())));
            }
            s.clearConstraintImpulses();
            ForwardDynamics.impulse(s);
            for (int i = 0; i < n; i++) {
                assertThat(s.velocityChange(i)).isZero();
            }
        }
    }
}
