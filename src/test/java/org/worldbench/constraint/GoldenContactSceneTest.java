package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/**
 * DART's contact scenes from the exact initial positions in golden/trajectories.json: at every
 * recorded sample the cubes penetrate the ground and each other by at most 1 mm, have drifted at most
 * 1e-4 m horizontally, and stand within 1e-3 m of DART's heights; the last step has DART's number of
 * contacts.
 */
class GoldenContactSceneTest {

    @ParameterizedTest
    @ValueSource(strings = {"boxes_grid10", "box_stack5"})
    void cubes_rest_where_dart_puts_them(String scene) {
        JsonNode golden = GoldenModel.readResource("/golden/trajectories.json").get("trajectories").get(scene);
        double[][] initial = GoldenModel.matrix(golden.get("initial_positions"));
        int steps = golden.get("steps").asInt();
        try (ContactScenes world = new ContactScenes(new ConstraintSolver(), initial)) {
            int step = 0;
            for (JsonNode sample : golden.get("samples")) {
                int target = sample.get("step").asInt();
                while (step < target) {
                    world.step();
                    step++;
                }
                double[] z = GoldenModel.array(sample.get("z"));
                for (int i = 0; i < initial.length; i++) {
                    String what = scene + " cube " + i + " at step " + step;
                    assertThat(world.z(i)).as(what + " height").isCloseTo(z[i], within(1e-3));
                    assertThat(Math.hypot(world.x(i) - initial[i][0], world.y(i) - initial[i][1]))
                            .as(what + " horizontal drift").isLessThanOrEqualTo(1e-4);
                    boolean onCube = i > 0 && initial[i][0] == initial[i - 1][0] && initial[i][1] == initial[i - 1][1];
                    double floor = onCube ? world.z(i - 1) + 0.2 : 0.1;
                    assertThat(floor - world.z(i)).as(what + " penetration").isLessThanOrEqualTo(1e-3);
                }
            }
            assertThat(step).isEqualTo(steps);
            assertThat(world.solver.lastContactCount()).as("contacts at the last step")
                    .isEqualTo(golden.get("num_contacts_last_step").asInt());
        }
    }
}
