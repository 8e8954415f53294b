package org.worldbench.testsupport.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.worldbench.dynamics.StateReport;

import tools.jackson.databind.JsonNode;

/**
 * Compares a {@link StateReport} with one golden case, quantity by quantity. Tolerance (issue 4):
 * |ours − DART| ≤ 1e-9 · max(1, max |DART|) over each quantity, i.e. 1e-9 relative to the
 * quantity's largest entry, and 1e-9 absolute for quantities near zero.
 */
public final class GoldenComparison {

    public GoldenComparison() {
    }


    public static final double TOLERANCE = 1e-9;

    private final List<String> failures = new ArrayList<>();
    /** Worst error per quantity, relative to max(1, max |DART|). */
    public final Map<String, Double> worst = new TreeMap<>();
    public int compared;

    public void compare(String label, String quantity, double[] actual, double[] expected) {
        assertThat(actual).as(label + " " + quantity + " length").hasSize(expected.length);
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double maxDiff = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (!(d <= maxDiff)) { // NaN counts as a failure
                maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                at = i;
            }
            compared++;
        }
        double rel = maxDiff / scale;
        worst.merge(quantity, rel, Math::max);
        if (!(rel <= TOLERANCE)) {
            failures.add(String.format("%s %s[%d]: ours %.17g, DART %.17g (error %.3g relative to %.3g)", label,
                    quantity, at, actual[at], expected[at], rel, scale));
        }
    }

    public void compare(String label, String quantity, double actual, double expected) {
        compare(label, quantity, new double[] {actual}, new double[] {expected});
    }

    /** Compares every quantity of a case; the report must already be in the golden file's orders. */
    public void compareCase(String label, StateReport r, JsonNode c) {
        for (int b = 0; b < r.bodyNames().size(); b++) {
            compare(label, "body_world_transforms", r.bodyWorldTransforms()[b],
                    GoldenModel.array(c.get("body_world_transforms").get(b)));
            compare(label, "body_spatial_velocities", r.bodySpatialVelocities()[b],
                    GoldenModel.array(c.get("body_spatial_velocities").get(b)));
        }
        compare(label, "mass_matrix", flatten(r.massMatrix()), flatten(GoldenModel.matrix(c.get("mass_matrix"))));
        compare(label, "coriolis_and_gravity", r.coriolisAndGravity(), GoldenModel.array(c.get("coriolis_and_gravity")));
        compare(label, "coriolis", r.coriolis(), GoldenModel.array(c.get("coriolis")));
        compare(label, "gravity_forces", r.gravityForces(), GoldenModel.array(c.get("gravity_forces")));
        compare(label, "ddq_forward_dynamics", r.ddqForwardDynamics(), GoldenModel.array(c.get("ddq_forward_dynamics")));
        compare(label, "tau_inverse_dynamics", r.tauInverseDynamics(), GoldenModel.array(c.get("tau_inverse_dynamics")));
        compare(label, "com", r.com(), GoldenModel.array(c.get("com")));
        compare(label, "kinetic_energy", r.kineticEnergy(), c.get("kinetic_energy").asDouble());
        compare(label, "potential_energy", r.potentialEnergy(), c.get("potential_energy").asDouble());
        compare(label, "potential_energy_com", r.potentialEnergyCom(), c.get("potential_energy_com").asDouble());
    }

    public static double[] flatten(double[][] m) {
        int n = 0;
        for (double[] row : m) {
            n += row.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] row : m) {
            System.arraycopy(row, 0, out, k, row.length);
            k += row.length;
        }
        return out;
    }

    public void assertAllWithinTolerance(String model) {
        System.out.println("golden " + model + ": " + compared + " numbers, worst error per quantity " + worst);
        assertThat(failures).as("quantities of %s that differ from DART by more than %s", model, TOLERANCE).isEmpty();
        assertThat(compared).as("numbers compared").isPositive();
    }
}
