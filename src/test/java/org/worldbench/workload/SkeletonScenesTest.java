package org.worldbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.worldbench.dynamics.Kinematics;
import org.worldbench.dynamics.JointType;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.testsupport.golden.GoldenModel;

class SkeletonScenesTest {

    @Test
    void chain_is_darts_makeChain_as_the_golden_file_describes_it() {
        try (Skeleton ours = SkeletonScenes.chain(7, StateStorage.HEAP);
                Skeleton dart = GoldenModel.load("chain7").build(StateStorage.HEAP)) {
            assertThat(ours.dofNames()).isEqualTo(dart.dofNames());
            double[] q = {0.3, -1.2, 2.0, 0.1, -0.7, 3.0, 1.1};
            ours.setPositions(q);
            dart.setPositions(q);
            for (int body = 0; body < 7; body++) {
                for (int k = 0; k < 12; k++) {
                    assertThat(ours.worldTransformEntry(body, k)).as("body %d entry %d", body, k)
                            .isEqualTo(dart.worldTransformEntry(body, k));
                }
            }
            assertThat(ours.totalMass()).isEqualTo(dart.totalMass());
        }
    }

    @Test
    void tree_hangs_body_i_from_body_i_minus_1_over_2() {
        try (Skeleton tree = SkeletonScenes.binaryTree(4, JointType.REVOLUTE, SkeletonFactory.of(StateStorage.HEAP))) {
            assertThat(tree.bodyCount()).isEqualTo(15);
            for (int i = 1; i < 15; i++) {
                assertThat(tree.body(i).parent().name()).isEqualTo("link" + (i - 1) / 2);
            }
            assertThat(tree.body(0).parent()).isNull();
        }
    }

    @Test
    void star_hangs_every_leaf_from_the_hub_on_a_circle() {
        try (Skeleton star = SkeletonScenes.star(5, JointType.BALL, SkeletonFactory.of(StateStorage.HEAP))) {
            assertThat(star.dofCount()).isEqualTo(15);
            Kinematics.computePositions(star);
            for (int i = 1; i < 5; i++) {
                assertThat(star.body(i).parent().name()).isEqualTo("link0");
                double x = star.worldTransformEntry(i, 9);
                double y = star.worldTransformEntry(i, 10);
                assertThat(Math.hypot(x, y)).as("leaf %d distance from the axis", i).isCloseTo(0.2,
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = JointType.class, names = {"REVOLUTE", "BALL", "FREE"})
    void every_topology_has_bodies_times_joint_dofs(JointType joint) {
        for (Topology topology : Topology.values()) {
            try (Skeleton s = SkeletonScenes.articulated(topology, 9, joint, SkeletonFactory.of(StateStorage.HEAP))) {
                assertThat(s.bodyCount()).isEqualTo(9);
                assertThat(s.dofCount()).isEqualTo(9 * joint.dofs());
            }
        }
    }

    @Test
    void bad_sizes_and_names_are_refused_with_the_value() {
        SkeletonFactory heap = SkeletonFactory.of(StateStorage.HEAP);
        assertThatThrownBy(() -> SkeletonScenes.articulated(Topology.CHAIN, 0, JointType.REVOLUTE, heap))
                .hasMessageContaining("at least one body, got 0");
        assertThatThrownBy(() -> SkeletonScenes.binaryTree(0, JointType.REVOLUTE, heap))
                .hasMessageContaining("tree depth must be 1 to 20, got 0");
        assertThatThrownBy(() -> SkeletonScenes.star(3, JointType.WELD, heap))
                .hasMessageContaining("revolute, ball or free, got WELD");
        assertThatThrownBy(() -> Topology.parse("ring")).hasMessageContaining("'ring'");
        assertThatThrownBy(() -> AllocationSetup.parse("STACK"))
                .hasMessageContaining("[HEAP, INLINE, HIERARCHICAL], got 'STACK'");
    }
}
