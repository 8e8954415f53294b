package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.Integrator;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.math.Vec3;

/**
 * An inverted pendulum (revolute about x, centre of mass 0.1 m above the joint) falls from
 * q = 0.05 rad onto its ±0.2 rad limit: enforced, it stops there and stays within the limit; not
 * enforced (DART's default), it falls past it.
 */
class JointLimitTest {

    private static final double LIMIT = 0.2;

    @Test
    void enforced_limit_stops_the_falling_pendulum() {
        double[] range = fall(true);
        assertThat(range[1]).as("largest |q|: reached the limit").isGreaterThan(LIMIT - 1e-3);
        assertThat(range[1]).as("largest |q|: stayed within it").isLessThan(LIMIT + 2e-3);
        assertThat(range[0]).as("final |q|").isBetween(LIMIT - 1e-3, LIMIT + 1e-3);
    }

    @Test
    void limits_are_not_enforced_by_default() {
        assertThat(fall(false)[1]).isGreaterThan(0.5);
    }

    /** Steps 1.5 s; returns {final |q|, largest |q|}. */
    private static double[] fall(boolean enforce) {
        try (Skeleton pendulum = new Skeleton("pendulum"); ConstraintSolver solver = ConstraintSolver.heap()) {
            pendulum.addBody(null, JointSpec.revolute("hinge", Vec3.UNIT_X)
                            .withPositionLimits(new double[] {-LIMIT}, new double[] {LIMIT}), "link",
                    Inertia.box(1, 0.05, 0.05, 0.2, new Vec3(0, 0, 0.1)));
            pendulum.setPositions(new double[] {0.05});
            solver.addSkeleton(pendulum);
            if (enforce) {
                solver.setJointLimitEnforcement(pendulum, true);
            }
            double largest = 0;
            for (int i = 0; i < 1500; i++) {
                ForwardDynamics.compute(pendulum);
                Integrator.integrateVelocities(pendulum, 0.001);
                solver.solve(0.001);
                Integrator.integratePositions(pendulum, 0.001);
                largest = Math.max(largest, Math.abs(pendulum.position(0)));
            }
            return new double[] {Math.abs(pendulum.position(0)), largest};
        }
    }
}
