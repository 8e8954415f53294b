package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;
import org.worldbench.memory.AllocatorMetrics;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.testsupport.golden.GoldenModel;
import org.worldbench.workload.SkeletonScenes;

/** The pool block: borrowed, lazy, aligned, moved on allocator change, consistent on add and remove. */
class BodyNodePoolTest {

    /** Wraps the default allocator and remembers what it handed out. */
    static final class RecordingAllocator implements MemoryAllocator {
        final List<MemorySegment> live = new ArrayList<>();
        final List<Long> alignments = new ArrayList<>();
        int allocations;

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            MemorySegment segment = MemoryAllocator.defaultAllocator().allocate(byteSize, byteAlignment);
            live.add(segment);
            alignments.add(byteAlignment);
            allocations++;
            return segment;
        }

        @Override
        public void deallocate(MemorySegment segment) {
            assertThat(live.removeIf(s -> s.address() == segment.address())).as("freed a block it gave out").isTrue();
            MemoryAllocator.defaultAllocator().deallocate(segment);
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public AllocatorMetrics metrics() {
            throw new UnsupportedOperationException();
        }
    }

    private static Inertia link() {
        return Inertia.box(1, 0.05, 0.05, 0.2, new Vec3(0, 0, 0.1));
    }

    @Test
    void block_is_created_lazily_with_the_first_body_from_the_borrowed_allocator() {
        RecordingAllocator allocator = new RecordingAllocator();
        try (Skeleton s = new Skeleton("lazy", StateStorage.OFF_HEAP, allocator)) {
            assertThat(s.pool().isAllocated()).isFalse();
            assertThat(allocator.allocations).isZero();
            s.addBody(null, JointSpec.revolute("j0", Vec3.UNIT_X), "b0", link());
            assertThat(s.pool().isAllocated()).isTrue();
            assertThat(allocator.live).hasSize(1);
            assertThat(allocator.live.get(0).byteSize()).isEqualTo(s.pool().blockBytes());
        }
        assertThat(allocator.live).as("close frees the block").isEmpty();
    }

    @Test
    void every_record_is_32_byte_aligned_in_one_contiguous_block() {
        RecordingAllocator allocator = new RecordingAllocator();
        try (Skeleton s = GoldenModel.load("atlas").build(StateStorage.OFF_HEAP)) {
            s.setBaseAllocator(allocator);
            assertThat(allocator.live).hasSize(1);
            assertThat(allocator.alignments).containsOnly(32L);
            long base = s.pool().address();
            assertThat(base % 32).isZero();
            long expectedOffset = 0;
            for (int i = 0; i < s.bodyCount(); i++) {
                assertThat(s.pool().recordByteOffset(i)).as("record %d follows record %d", i, i - 1)
                        .isEqualTo(expectedOffset);
                assertThat((base + s.pool().recordByteOffset(i)) % 32).as("record %d alignment", i).isZero();
                expectedOffset += (long) BodyRecord.size(s.body(i).dofCount()) * Double.BYTES;
            }
            assertThat(s.pool().blockBytes()).isEqualTo(expectedOffset);
        }
    }

    @Test
    void changing_the_allocator_moves_the_block_and_keeps_every_number() {
        RecordingAllocator first = new RecordingAllocator();
        RecordingAllocator second = new RecordingAllocator();
        try (Skeleton s = GoldenModel.load("tree15").build(StateStorage.OFF_HEAP)) {
            double[] q = new double[s.dofCount()];
            Arrays.fill(q, 0.25);
            s.setPositions(q);
            MassMatrix.compute(s);
            double[][] before = s.massMatrixRows();
            s.setBaseAllocator(first);
            s.setBaseAllocator(second);
            assertThat(first.live).as("the old block is freed").isEmpty();
            assertThat(second.live).hasSize(1);
            assertThat(s.baseAllocator()).isSameAs(second);
            assertThat(s.pool().address()).isEqualTo(second.live.get(0).address());
            MassMatrix.compute(s);
            assertThat(s.massMatrixRows()).isDeepEqualTo(before);
        }
        assertThat(second.live).isEmpty();
    }

    @Test
    void relocating_between_heap_and_off_heap_keeps_every_number_and_frees_the_old_block() {
        RecordingAllocator offHeap = new RecordingAllocator();
        try (Skeleton s = GoldenModel.load("floating_chain5").build(StateStorage.OFF_HEAP)) {
            double[] q = {0.1, -0.2, 0.3, 1, 2, 3, 0.4, -0.5, 0.6, -0.7};
            s.setPositions(q);
            s.setVelocities(q);
            ForwardDynamics.compute(s);
            double[] before = s.accelerations();

            s.relocate(StateStorage.HEAP, MemoryAllocator.defaultAllocator());
            assertThat(s.storage()).isEqualTo(StateStorage.HEAP);
            assertThat(s.pool().address()).isZero();
            ForwardDynamics.compute(s);
            assertThat(s.accelerations()).isEqualTo(before);

            s.relocate(StateStorage.OFF_HEAP, offHeap);
            assertThat(offHeap.live).hasSize(1);
            assertThat(s.pool().address()).isEqualTo(offHeap.live.get(0).address());
            ForwardDynamics.compute(s);
            assertThat(s.accelerations()).isEqualTo(before);

            s.relocate(StateStorage.OFF_HEAP, MemoryAllocator.defaultAllocator());
            assertThat(offHeap.live).as("the block left the recording allocator").isEmpty();
            assertThat(s.baseAllocator()).isSameAs(MemoryAllocator.defaultAllocator());
        }
    }

    @Test
    void a_clone_can_be_built_directly_in_another_allocator() {
        RecordingAllocator target = new RecordingAllocator();
        try (Skeleton s = GoldenModel.load("chain7").build(StateStorage.OFF_HEAP);
             Skeleton copy = s.cloneSkeleton("copy", StateStorage.OFF_HEAP, target)) {
            assertThat(copy.baseAllocator()).isSameAs(target);
            assertThat(target.live).hasSize(1);
            assertThat(copy.pool().address()).isEqualTo(target.live.get(0).address());
        }
        assertThat(target.live).isEmpty();
    }

    @Test
    void a_skeleton_belongs_to_at_most_one_world() {
        try (Skeleton s = GoldenModel.load("chain7").build(StateStorage.OFF_HEAP)) {
            s.joinWorld("World#A");
            assertThatThrownBy(() -> s.joinWorld("World#B")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("skeleton 'chain7' already belongs to World#A; remove it there before adding it to World#B");
            s.leaveWorld();
            s.joinWorld("World#B");
            assertThat(s.world()).isEqualTo("World#B");
        }
    }

    @Test
    void adding_and_removing_bodies_keeps_the_remaining_records_and_state() {
        RecordingAllocator allocator = new RecordingAllocator();
        try (Skeleton s = new Skeleton("edit", StateStorage.OFF_HEAP, allocator)) {
            BodyNode a = s.addBody(null, JointSpec.revolute("ja", Vec3.UNIT_X), "a", link());
            BodyNode b = s.addBody(a, JointSpec.ball("jb").withParentOffset(Isometry3.translation(0, 0, 0.2)), "b",
                    Inertia.box(2, 0.1, 0.1, 0.1, Vec3.ZERO));
            BodyNode c = s.addBody(b, JointSpec.revolute("jc", Vec3.UNIT_Y), "c", link());
            BodyNode d = s.addBody(a, JointSpec.prismatic("jd", Vec3.UNIT_Z), "d", Inertia.box(3, 0.1, 0.2, 0.3, Vec3.ZERO));
            assertThat(s.dofCount()).isEqualTo(1 + 3 + 1 + 1);
            s.setPositions(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});

            s.removeBody(b); // and c below it
            assertThat(s.bodies()).containsExactly(a, d);
            assertThat(s.dofNames()).containsExactly("ja", "jd");
            assertThat(s.positions()).containsExactly(0.1, 0.6);
            assertThat(d.index()).isEqualTo(1);
            assertThat(d.inertia()).isEqualTo(Inertia.box(3, 0.1, 0.2, 0.3, Vec3.ZERO));
            assertThat(a.inertia()).isEqualTo(link());
            assertThatThrownBy(c::index).isInstanceOf(IllegalStateException.class).hasMessageContaining("'c' was removed");
            assertThat(allocator.live).as("one block at a time").hasSize(1);
            assertThat(s.pool().blockBytes()).isEqualTo(
                    (long) (BodyRecord.size(1) + BodyRecord.size(1)) * Double.BYTES);

            // the edited skeleton computes what a freshly built one does
            try (Skeleton fresh = new Skeleton("fresh", StateStorage.HEAP)) {
                BodyNode fa = fresh.addBody(null, JointSpec.revolute("ja", Vec3.UNIT_X), "a", link());
                fresh.addBody(fa, JointSpec.prismatic("jd", Vec3.UNIT_Z), "d", Inertia.box(3, 0.1, 0.2, 0.3, Vec3.ZERO));
                fresh.setPositions(new double[] {0.1, 0.6});
                MassMatrix.compute(s);
                MassMatrix.compute(fresh);
                assertThat(s.massMatrixRows()).isDeepEqualTo(fresh.massMatrixRows());
            }
        }
        assertThat(allocator.live).isEmpty();
    }

    @Test
    void duplicate_names_and_foreign_parents_are_rejected() {
        try (Skeleton s = SkeletonScenes.chain(2, StateStorage.HEAP); Skeleton other = SkeletonScenes.chain(1, StateStorage.HEAP)) {
            assertThatThrownBy(() -> s.addBody(null, JointSpec.weld("w"), "link0", link()))
                    .hasMessageContaining("already has a body named 'link0'");
            assertThatThrownBy(() -> s.addBody(null, JointSpec.weld("joint1"), "x", link()))
                    .hasMessageContaining("already has a joint named 'joint1'");
            assertThatThrownBy(() -> s.addBody(other.body(0), JointSpec.weld("w"), "x", link()))
                    .hasMessageContaining("belongs to skeleton");
            assertThatThrownBy(() -> s.setPositions(new double[3])).hasMessageContaining("need 2 values, got 3");
        }
    }

    @Test
    void heap_and_off_heap_storage_give_bit_identical_results() {
        try (Skeleton heap = GoldenModel.load("atlas").build(StateStorage.HEAP);
                Skeleton offHeap = GoldenModel.load("atlas").build(StateStorage.OFF_HEAP)) {
            double[] q = new double[heap.dofCount()];
            double[] dq = new double[heap.dofCount()];
            for (int i = 0; i < q.length; i++) {
                q[i] = Math.sin(i) * 0.7;
                dq[i] = Math.cos(3 * i);
            }
            for (Skeleton s : List.of(heap, offHeap)) {
                s.setPositions(q);
                s.setVelocities(dq);
                s.setForces(dq);
                for (int k = 0; k < 50; k++) {
                    Integrator.step(s, 1e-3);
                }
                MassMatrix.compute(s);
            }
            assertThat(offHeap.positions()).isEqualTo(heap.positions());
            assertThat(offHeap.velocities()).isEqualTo(heap.velocities());
            assertThat(offHeap.accelerations()).isEqualTo(heap.accelerations());
            assertThat(offHeap.massMatrixRows()).isDeepEqualTo(heap.massMatrixRows());
        }
    }

    @Test
    void a_clone_has_its_own_block_and_computes_the_same() {
        try (Skeleton s = GoldenModel.load("floating_chain5").build(StateStorage.OFF_HEAP)) {
            double[] q = {0.1, -0.2, 0.3, 1, 2, 3, 0.4, -0.5, 0.6, -0.7};
            s.setPositions(q);
            s.setVelocities(q);
            s.body(2).addCollisionShape(CollisionShape.of(new Geometry.Sphere(0.1)));
            try (Skeleton copy = s.cloneSkeleton("copy")) {
                assertThat(copy.pool().address()).isNotEqualTo(s.pool().address());
                assertThat(copy.body(2).collisionShapes()).isEqualTo(s.body(2).collisionShapes());
                ForwardDynamics.compute(s);
                ForwardDynamics.compute(copy);
                assertThat(copy.accelerations()).isEqualTo(s.accelerations());
                copy.setPosition(0, 0.9);
                assertThat(s.position(0)).isEqualTo(0.1);
            }
        }
    }

    @Test
    void a_closed_skeleton_refuses_to_compute_and_frees_its_block_once() {
        RecordingAllocator allocator = new RecordingAllocator();
        Skeleton s = new Skeleton("short-lived", StateStorage.OFF_HEAP, allocator);
        s.addBody(null, JointSpec.revolute("j", Vec3.UNIT_X), "b", link());
        s.close();
        s.close();
        assertThat(allocator.live).isEmpty();
        assertThat(s.isClosed()).isTrue();
        assertThatThrownBy(() -> ForwardDynamics.compute(s)).isInstanceOf(IllegalStateException.class)
                .hasMessage("skeleton 'short-lived' is closed");
        assertThatThrownBy(() -> MassMatrix.compute(s)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Kinematics.computePositions(s)).isInstanceOf(IllegalStateException.class);
    }
}
