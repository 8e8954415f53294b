package org.worldbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.JointType;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.memory.MemoryMisuseException;
import org.worldbench.simulation.Allocation;

class AllocationSetupTest {

    @Test
    void hierarchical_skeletons_borrow_the_managers_free_list_and_give_it_back() {
        try (AllocationSetup setup = AllocationSetup.of(Allocation.HIERARCHICAL, false)) {
            Skeleton a = SkeletonScenes.chain(7, setup);
            Skeleton b = SkeletonScenes.chain(30, setup);
            var freeList = setup.memoryManager().getFreeListAllocator();
            assertThat(a.baseAllocator()).isSameAs(freeList);
            assertThat(freeList.metrics().liveBlocks()).isEqualTo(2);
            assertThat(freeList.metrics().liveBytes()).isEqualTo(a.pool().blockBytes() + b.pool().blockBytes());
            setup.close(a);
            setup.close(b);
            assertThat(freeList.metrics().liveBlocks()).isZero();
        }
    }

    @Test
    void inline_gives_every_skeleton_a_free_list_of_its_own() {
        try (AllocationSetup setup = AllocationSetup.of(Allocation.INLINE, false)) {
            Skeleton a = SkeletonScenes.chain(7, setup);
            Skeleton b = SkeletonScenes.robot(SkeletonScenes.Robot.KR5, setup);
            assertThat(a.baseAllocator()).isNotSameAs(b.baseAllocator());
            assertThat(setup.allocators()).hasSize(2);
            // each reserved its first 1 MiB chunk: the footprint the hierarchical design removes
            assertThat(setup.reservedBytes()).isGreaterThanOrEqualTo(2L << 20);
            setup.close(a);
            setup.close(b);
            assertThat(setup.allocators()).isEmpty();
            assertThat(setup.reservedBytes()).isZero();
        }
    }

    @Test
    void heap_uses_java_arrays_and_no_allocator() {
        try (AllocationSetup setup = AllocationSetup.of("heap", true); Skeleton s = SkeletonScenes.chain(3, setup)) {
            assertThat(s.storage()).isEqualTo(StateStorage.HEAP);
            assertThat(setup.debug()).as("HEAP has nothing to debug-wrap").isFalse();
            assertThat(setup.allocators()).isEmpty();
        }
    }

    @Test
    void all_configurations_compute_bit_identical_dynamics() {
        double[] expected = null;
        for (Allocation allocation : Allocation.values()) {
            for (boolean debug : new boolean[] {false, true}) {
                try (AllocationSetup setup = AllocationSetup.of(allocation, debug)) {
                    Skeleton s = SkeletonScenes.articulated(Topology.TREE, 15, JointType.BALL, setup);
                    for (int i = 0; i < s.dofCount(); i++) {
                        s.setPosition(i, Math.sin(i));
                        s.setVelocity(i, Math.cos(3 * i));
                    }
                    ForwardDynamics.compute(s);
                    double[] ddq = s.accelerations();
                    if (expected == null) {
                        expected = ddq;
                    }
                    assertThat(ddq).as("%s debug=%s", allocation, debug).isEqualTo(expected);
                    setup.close(s);
                }
            }
        }
    }

    @Test
    void a_skeleton_left_open_in_debug_mode_is_reported_as_a_leak_naming_the_allocator() {
        AllocationSetup setup = AllocationSetup.of(Allocation.HIERARCHICAL, true);
        SkeletonScenes.chain(7, setup);
        assertThatThrownBy(setup::close).isInstanceOf(MemoryMisuseException.class)
                .hasMessageContaining("free-list(workload)");
    }

    @Test
    void a_skeleton_of_the_wrong_storage_is_refused() {
        try (AllocationSetup setup = AllocationSetup.of(Allocation.INLINE, false);
                Skeleton heap = SkeletonScenes.chain(2, StateStorage.HEAP)) {
            assertThatThrownBy(() -> setup.adopt(heap)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("skeleton 'chain' keeps its state HEAP, but allocation INLINE needs OFF_HEAP");
        }
    }
}
