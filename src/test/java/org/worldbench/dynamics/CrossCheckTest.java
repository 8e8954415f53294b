package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.testsupport.golden.GoldenModel;
import org.worldbench.workload.SkeletonScenes;

/**
 * The algorithms check each other, with no reference data: CRBA against RNEA, ABA against RNEA,
 * Jacobians against finite differences of forward kinematics, energy against the integrator.
 */
class CrossCheckTest {

    static Stream<String> models() {
        return Stream.of("chain7", "chain_ball5", "floating_chain5", "tree15", "atlas");
    }

    /** A random state: ball/free rotations in [−0.5, 0.5], everything else in [−1, 1]. */
    private static void randomState(Skeleton s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = s.dofCount();
        double[] q = new double[n];
        double[] dq = new double[n];
        double[] tau = new double[n];
        for (BodyNode b : s.bodies()) {
            for (int k = 0; k < b.dofCount(); k++) {
                boolean rotation = b.joint().type() == JointType.BALL || (b.joint().type() == JointType.FREE && k < 3);
                q[b.dofStart() + k] = rotation ? r.nextDouble(-0.5, 0.5) : r.nextDouble(-1, 1);
            }
        }
        for (int i = 0; i < n; i++) {
            dq[i] = r.nextDouble(-1, 1);
            tau[i] = r.nextDouble(-5, 5);
        }
        s.setPositions(q);
        s.setVelocities(dq);
        s.setForces(tau);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("models")
    void crba_equals_the_mass_matrix_built_column_by_column_from_rnea(String model) {
        try (Skeleton s = GoldenModel.load(model).build(StateStorage.OFF_HEAP)) {
            randomState(s, 11);
            int n = s.dofCount();
            MassMatrix.compute(s);
            double[] g = new double[n];
            double[] column = new double[n];
            double[] unit = new double[n];
            InverseDynamics.coriolisAndGravity(s, g);
            double worst = 0;
            double scale = 1;
            for (int j = 0; j < n; j++) {
                unit[j] = 1;
                InverseDynamics.compute(s, unit, column); // M·e_j + c + g
                unit[j] = 0;
                for (int i = 0; i < n; i++) {
                    double fromRnea = column[i] - g[i];
                    worst = Math.max(worst, Math.abs(fromRnea - s.massMatrix(i, j)));
                    scale = Math.max(scale, Math.abs(s.massMatrix(i, j)));
                }
            }
            assertThat(worst / scale).isLessThan(1e-12);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aba_inverts_rnea(String model) {
        try (Skeleton s = GoldenModel.load(model).build(StateStorage.HEAP)) {
            randomState(s, 12);
            int n = s.dofCount();
            SplittableRandom r = new SplittableRandom(5);
            double[] ddq = new double[n];
            for (int i = 0; i < n; i++) {
                ddq[i] = r.nextDouble(-1, 1);
            }
            double[] tau = new double[n];
            // without damping, ABA is the exact inverse of RNEA; atlas's damping is switched off here
            for (BodyNode b : s.bodies()) {
                if (b.dofCount() > 0) {
                    b.setDamping(new double[b.dofCount()]);
                }
            }
            InverseDynamics.compute(s, ddq, tau);
            s.setForces(tau);
            ForwardDynamics.compute(s);
            double[] back = s.accelerations();
            for (int i = 0; i < n; i++) {
                assertThat(back[i]).as("ddq[%d]", i).isCloseTo(ddq[i], within(1e-9 * Math.max(1, maxAbs(ddq))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void body_jacobian_matches_finite_differences_of_forward_kinematics(String model) {
        try (Skeleton s = GoldenModel.load(model).build(StateStorage.OFF_HEAP)) {
            randomState(s, 13);
            int n = s.dofCount();
            int body = s.bodyCount() - 1;
            double[] jacobian = new double[6 * n];
            double[] world = new double[6 * n];
            Jacobians.body(s, body, jacobian);
            Jacobians.world(s, body, world);
            // V = J·dq exactly, in the body frame
            double[] v = new double[6];
            Kinematics.bodySpatialVelocity(s, body, v, 0);
            for (int r = 0; r < 6; r++) {
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    sum += jacobian[r * n + c] * s.velocity(c);
                }
                assertThat(sum).as("(J·dq)[%d]", r).isCloseTo(v[r], within(1e-12));
            }
            // finite differences: move along dq for a tiny time (positions integrated as the joints
            // define them), compare the change of the world transform with the world Jacobian
            double h = 1e-7;
            double[] t0 = new double[12];
            double[] t1 = new double[12];
            s.worldTransform(body, t0, 0);
            double[] q0 = s.positions();
            double[] dq0 = s.velocities();
            Integrator.integratePositions(s, h);
            s.worldTransform(body, t1, 0);
            s.setPositions(q0);
            s.setVelocities(dq0);
            double[] predicted = new double[6];
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < n; c++) {
                    predicted[r] += world[r * n + c] * dq0[c];
                }
            }
            // linear: dp/dt of the body origin; angular: from dR·Rᵀ
            for (int k = 0; k < 3; k++) {
                assertThat((t1[9 + k] - t0[9 + k]) / h).as("linear %d", k).isCloseTo(predicted[3 + k], within(1e-5));
            }
            double[] omega = angularVelocity(t0, t1, h);
            for (int k = 0; k < 3; k++) {
                assertThat(omega[k]).as("angular %d", k).isCloseTo(predicted[k], within(1e-5));
            }
        }
    }

    /** ω from the skew part of (R1 − R0)/h · R0ᵀ. */
    private static double[] angularVelocity(double[] t0, double[] t1, double h) {
        double[] w = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += (t1[3 * i + k] - t0[3 * i + k]) / h * t0[3 * j + k];
                }
                w[3 * i + j] = sum;
            }
        }
        return new double[] {(w[7] - w[5]) / 2, (w[2] - w[6]) / 2, (w[3] - w[1]) / 2};
    }

    @ParameterizedTest
    @MethodSource("models")
    void kinetic_energy_is_half_dq_m_dq_and_gravity_forces_match_com_jacobians(String model) {
        try (Skeleton s = GoldenModel.load(model).build(StateStorage.HEAP)) {
            randomState(s, 14);
            int n = s.dofCount();
            MassMatrix.compute(s);
            double e = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    e += 0.5 * s.velocity(i) * s.massMatrix(i, j) * s.velocity(j);
                }
            }
            assertThat(Energy.kinetic(s)).isCloseTo(e, within(1e-12 * Math.max(1, e)));
            // g = −∂PE_com/∂q: check against a central difference of the physical potential energy
            double[] g = new double[n];
            InverseDynamics.gravity(s, g);
            double[] q0 = s.positions();
            for (int i = 0; i < n; i++) {
                if (isRotationOfBallOrFree(s, i)) {
                    continue; // their coordinates are not the directions dq moves along
                }
                double h = 1e-6;
                s.setPosition(i, q0[i] + h);
                double up = Energy.gravitationalPotentialOfCom(s);
                s.setPosition(i, q0[i] - h);
                double down = Energy.gravitationalPotentialOfCom(s);
                s.setPosition(i, q0[i]);
                assertThat(g[i]).as("g[%d]", i).isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
    }

    private static boolean isRotationOfBallOrFree(Skeleton s, int dof) {
        for (BodyNode b : s.bodies()) {
            if (dof >= b.dofStart() && dof < b.dofStart() + b.dofCount()) {
                JointType t = b.joint().type();
                return t == JointType.BALL || t == JointType.FREE;
            }
        }
        return false;
    }

    @Test
    void energy_of_a_free_swinging_chain_is_conserved_to_integration_accuracy() {
        // semi-implicit Euler is first order: the energy error over 1 s shrinks in proportion to dt
        double coarse = energyDriftOverOneSecond(2e-4);
        double medium = energyDriftOverOneSecond(1e-4);
        double fine = energyDriftOverOneSecond(5e-5);
        System.out.printf("energy drift over 1 s: dt 2e-4 %.3g, 1e-4 %.3g, 5e-5 %.3g%n", coarse, medium, fine);
        assertThat(medium / coarse).as("halving dt").isBetween(0.35, 0.65);
        assertThat(fine / medium).as("halving dt again").isBetween(0.35, 0.65);
        assertThat(fine).isLessThan(0.01);
    }

    /** Largest |E(t) − E(0)| / E(0) of a 5-link chain released from q = 0.3 rad, no damping. */
    private static double energyDriftOverOneSecond(double dt) {
        try (Skeleton s = SkeletonScenes.chain(5, StateStorage.OFF_HEAP)) {
            double[] q = new double[5];
            java.util.Arrays.fill(q, 0.3);
            s.setPositions(q);
            double e0 = Energy.kinetic(s) + Energy.gravitationalPotentialOfCom(s);
            double worst = 0;
            int steps = (int) Math.round(1.0 / dt);
            for (int k = 0; k < steps; k++) {
                Integrator.step(s, dt);
                double e = Energy.kinetic(s) + Energy.gravitationalPotentialOfCom(s);
                worst = Math.max(worst, Math.abs(e - e0) / e0);
            }
            return worst;
        }
    }
}
