package org.worldbench.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateReport;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.testsupport.golden.GoldenComparison;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/**
 * The URDF files of the golden models (the robots and the procedural models of golden README
 * §10), loaded with {@link UrdfLoader}, reproduce every quantity of every golden case. Bodies and
 * dofs are matched by name, since DART orders URDF coordinates depth first.
 */
class UrdfGoldenTest {

    /** tree15.urdf: the frame of every body but body0 is the golden frame · Tz(−0.02) (golden README §10). */
    private static final double TREE15_FRAME_SHIFT = 0.02;

    private static final List<String> TREE15_DART_LOADER_ORDER = List.of("body0", "body1", "body3", "body7", "body8",
            "body4", "body10", "body9", "body2", "body5", "body11", "body12", "body6", "body13", "body14");

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "chain7, models/chain7.urdf",
        "chain30, models/chain30.urdf",
        "floating_chain5, models/floating_chain5.urdf",
        "tree15, models/tree15.urdf",
        "kr5, models/kr5.urdf",
        "wam, models/wam.urdf",
        "atlas, models/atlas_v3_no_head.urdf"
    })
    void urdf_model_matches_dart_in_every_case(String model, String urdf) {
        GoldenModel golden = GoldenModel.load(model);
        UrdfModel loaded = UrdfLoader.loadResource(urdf, UrdfLoader.Options.DEFAULT.withStorage(StateStorage.HEAP));
        try (Skeleton s = loaded.skeleton()) {
            // DART's order: depth first, siblings sorted by joint name. The golden tree15 was built in
            // code (heap order); its URDF loads in the order golden README §10 gives for DartLoader.
            List<String> expectedBodies = model.equals("tree15") ? TREE15_DART_LOADER_ORDER : golden.bodyNames();
            assertThat(s.bodies().stream().map(BodyNode::name).toList()).containsExactlyElementsOf(expectedBodies);
            List<String> expectedDofs = model.equals("tree15") // one dof per body, joint k ↔ body k
                    ? expectedBodies.stream().map(b -> b.replace("body", "joint")).toList() : golden.dofNames();
            assertThat(s.dofNames()).containsExactlyElementsOf(expectedDofs);
            assertThat(s.body(0).joint().name()).isEqualTo(golden.root.get("root_joint_name").asString());

            List<String> dofNames = s.dofNames();
            int n = dofNames.size();
            int[] ours = new int[n]; // golden dof k → our dof index
            for (int k = 0; k < n; k++) {
                ours[k] = dofNames.indexOf(golden.dofNames().get(k));
            }
            Map<String, Integer> bodyIndex = new HashMap<>();
            for (BodyNode b : s.bodies()) {
                bodyIndex.put(b.name(), b.index());
            }
            GoldenComparison comparison = new GoldenComparison();
            for (JsonNode c : golden.cases()) {
                StateReport r = StateReport.compute(s, toOurs(GoldenModel.array(c.get("q")), ours),
                        toOurs(GoldenModel.array(c.get("dq")), ours), toOurs(GoldenModel.array(c.get("tau")), ours),
                        toOurs(GoldenModel.array(c.get("ddq_in")), ours));
                double potentialShift = 0;
                List<String> bodies = golden.bodyNames();
                double[][] transforms = new double[bodies.size()][];
                double[][] velocities = new double[bodies.size()][];
                for (int g = 0; g < bodies.size(); g++) {
                    int i = bodyIndex.get(bodies.get(g));
                    transforms[g] = r.bodyWorldTransforms()[i].clone();
                    velocities[g] = r.bodySpatialVelocities()[i].clone();
                    if (model.equals("tree15") && !bodies.get(g).equals("body0")) {
                        potentialShift += shiftFrameUpZ(transforms[g], velocities[g], s.body(i).mass(), s);
                    }
                }
                double[][] mass = new double[n][n];
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        mass[a][b] = r.massMatrix()[ours[a]][ours[b]];
                    }
                }
                StateReport inGoldenOrder = new StateReport(bodies, golden.dofNames(), transforms, velocities, mass,
                        toGolden(r.coriolisAndGravity(), ours), toGolden(r.coriolis(), ours),
                        toGolden(r.gravityForces(), ours), toGolden(r.ddqForwardDynamics(), ours),
                        toGolden(r.tauInverseDynamics(), ours), r.com(), r.kineticEnergy(),
                        r.potentialEnergy() + potentialShift, r.potentialEnergyCom());
                comparison.compareCase(model + " (URDF) case " + c.get("case").asInt(), inGoldenOrder, c);
            }
            comparison.assertAllWithinTolerance(model + " (URDF)");
        }
    }

    /**
     * Moves a tree15 URDF body frame to its golden frame, T·Tz(0.02): the origin moves by R·(0,0,0.02),
     * the twist's linear part becomes the velocity of the new origin. Returns the change of DART's
     * origin-based potential energy.
     */
    private static double shiftFrameUpZ(double[] t, double[] v, double mass, Skeleton s) {
        double d = TREE15_FRAME_SHIFT;
        double dx = t[2] * d;
        double dy = t[6] * d;
        double dz = t[10] * d;
        t[3] += dx;
        t[7] += dy;
        t[11] += dz;
        // body frame: v' = v + ω × (0, 0, d)
        v[3] += v[1] * d;
        v[4] -= v[0] * d;
        var g = s.gravity();
        return -mass * (g.x() * dx + g.y() * dy + g.z() * dz);
    }

    private static double[] toOurs(double[] golden, int[] ours) {
        double[] out = new double[golden.length];
        for (int k = 0; k < golden.length; k++) {
            out[ours[k]] = golden[k];
        }
        return out;
    }

    private static double[] toGolden(double[] values, int[] ours) {
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = values[ours[k]];
        }
        return out;
    }
}
