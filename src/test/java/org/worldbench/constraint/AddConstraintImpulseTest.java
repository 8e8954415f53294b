package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.testsupport.golden.GoldenModel;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;

/**
 * Skeleton.addConstraintImpulse (added for the solver, which sums the impulses of several contacts on
 * one body) sums: the velocity change of two added impulses is the sum of their separate changes.
 */
class AddConstraintImpulseTest {

    @Test
    void added_impulses_give_the_sum_of_their_velocity_changes() {
        try (Skeleton s = GoldenModel.load("floating_chain5").build(StateStorage.OFF_HEAP)) {
            int body = s.bodyCount() - 1;
            int n = s.dofCount();
            double[] first = change(s, body, new double[] {0.3, -0.2, 1.1, 0.1, 0.2, 0.3}, null);
            double[] second = change(s, body, new double[] {-0.5, 0.4, 0.2, -0.3, 0.05, 0.7}, null);
            double[] both = change(s, body, new double[] {0.3, -0.2, 1.1, 0.1, 0.2, 0.3},
                    new double[] {-0.5, 0.4, 0.2, -0.3, 0.05, 0.7});
            for (int d = 0; d < n; d++) {
                assertThat(both[d]).as("dof " + d).isCloseTo(first[d] + second[d], within(1e-12));
            }
            assertThat(both).as("the impulses moved something").isNotEqualTo(new double[n]);
        }
    }

    private static double[] change(Skeleton s, int body, double[] a, double[] b) {
        s.clearConstraintImpulses();
        s.addConstraintImpulse(body, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (b != null) {
            s.addConstraintImpulse(body, b[0], b[1], b[2], b[3], b[4], b[5]);
        }
        ForwardDynamics.impulse(s);
        double[] out = new double[s.dofCount()];
        for (int d = 0; d < out.length; d++) {
            out[d] = s.velocityChange(d);
        }
        return out;
    }
}
