package org.worldbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.Kinematics;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Vec3;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

class ContactScenesTest {

    private static final SkeletonFactory HEAP = SkeletonFactory.of(StateStorage.HEAP);

    @Test
    void cube_positions_are_darts_to_the_last_bit() {
        JsonNode trajectories = GoldenModel.readResource("/golden/trajectories.json").get("trajectories");
        assertPositions(ContactScenes.cubePositions(10, ContactScenes.Layout.GRID),
                trajectories.get("boxes_grid10").get("initial_positions"));
        assertPositions(ContactScenes.cubePositions(5, ContactScenes.Layout.STACK),
                trajectories.get("box_stack5").get("initial_positions"));
    }

    private static void assertPositions(List<Vec3> ours, JsonNode dart) {
        assertThat(ours).hasSize(dart.size());
        for (int i = 0; i < ours.size(); i++) {
            assertThat(new double[] {ours.get(i).x(), ours.get(i).y(), ours.get(i).z()}).as("cube %d", i)
                    .containsExactly(dart.get(i).get(0).asDouble(), dart.get(i).get(1).asDouble(),
                            dart.get(i).get(2).asDouble());
        }
    }

    @Test
    void fifty_stacked_cubes_make_ten_columns_of_five_on_the_ground() {
        List<Skeleton> scene = ContactScenes.boxes(50, ContactScenes.Layout.STACK, HEAP);
        try {
            assertThat(scene).hasSize(51);
            Skeleton ground = scene.get(0);
            assertThat(ground.dofCount()).isZero();
            assertThat(ground.worldTransformEntry(0, 11)).as("ground centre z").isEqualTo(-0.05);
            Skeleton top = scene.get(5);
            Kinematics.computePositions(top);
            assertThat(top.name()).isEqualTo("cube4");
            assertThat(top.worldTransformEntry(0, 9)).isEqualTo(-2.25);
            assertThat(top.worldTransformEntry(0, 11)).isEqualTo(0.5 * 0.2 + 4 * 0.2);
            assertThat(scene.get(50).worldTransformEntry(0, 9)).as("column 9 x").isEqualTo(2.25);
            assertThat(scene.get(50).totalMass()).isEqualTo(1.0);
        } finally {
            scene.forEach(Skeleton::close);
        }
    }

    @Test
    void a_grid_of_fifty_spans_two_rows_of_the_ten_wide_grid() {
        List<Vec3> grid = ContactScenes.cubePositions(50, ContactScenes.Layout.GRID);
        assertThat(grid).extracting(Vec3::z).containsOnly(0.1);
        assertThat(grid.get(49)).isEqualTo(new Vec3(2.25, 1.0, 0.1));
    }

    @Test
    void bad_sizes_and_layouts_are_refused_with_the_value() {
        assertThatThrownBy(() -> ContactScenes.boxes(0, ContactScenes.Layout.GRID, HEAP))
                .hasMessageContaining("1 to 1000 cubes, got 0");
        assertThatThrownBy(() -> ContactScenes.Layout.parse("pyramid")).hasMessageContaining("'pyramid'");
    }
}
