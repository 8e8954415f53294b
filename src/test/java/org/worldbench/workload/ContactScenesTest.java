package org.worldbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/** The contact scenes start exactly where DART's golden contact trajectories start (golden README §7.2). */
class ContactScenesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"boxes_grid10, 10, 1", "box_stack5, 5, 5"})
    void cubes_start_at_darts_exact_initial_positions(String trajectory, int n, int stackHeight) {
        JsonNode initial = GoldenModel.readResource("/golden/trajectories.json").get("trajectories").get(trajectory)
                .get("initial_positions");
        List<Skeleton> scene = ContactScenes.boxes(n, stackHeight, StateStorage.OFF_HEAP);
        try {
            assertThat(scene).hasSize(n + 1);
            assertThat(scene.get(0).dofCount()).as("the ground is welded").isZero();
            for (int i = 0; i < n; i++) {
                Skeleton cube = scene.get(i + 1);
                double[] expected = GoldenModel.array(initial.get(i));
                assertThat(new double[] {cube.position(3), cube.position(4), cube.position(5)})
                        .as("cube %d", i).isEqualTo(expected);
                assertThat(new double[] {cube.position(0), cube.position(1), cube.position(2)}).containsOnly(0.0);
                assertThat(cube.totalMass()).isEqualTo(1.0);
            }
        } finally {
            scene.forEach(Skeleton::close);
        }
    }

    @Test
    void the_ground_top_face_is_at_zero() {
        try (Skeleton ground = ContactScenes.ground(StateStorage.HEAP)) {
            assertThat(ground.worldTransformEntry(0, 11) + 0.5 * ContactScenes.GROUND_SIZE.z()).isZero();
            assertThat(ground.body(0).collisionShapes()).hasSize(1);
        }
    }

    @Test
    void an_empty_scene_is_refused() {
        assertThatThrownBy(() -> ContactScenes.boxes(0, 5, StateStorage.HEAP))
                .hasMessage("boxes need n >= 1 and stackHeight >= 1, got n = 0, stackHeight = 5");
    }
}
