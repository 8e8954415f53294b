package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.memory.AllocatorMetrics;
import org.worldbench.memory.MemoryAllocator;

/**
 * {@link World#clone()}: a new World with its own memory manager on the same base and skeletons
 * built in that memory; stepping it never touches the original; two clones stepped on two threads
 * at once give the same bits as one stepped alone.
 */
class WorldCloneTest {

    private static World twoSkeletonWorld(Allocation allocation) {
        World world = new World(WorldConfig.defaults().withAllocation(allocation));
        world.addSkeleton(GoldenScene.named("small_world_step").buildSkeleton());
        world.addSkeleton(GoldenScene.named("floating_chain5_tumble").buildSkeleton());
        GoldenScene.step(world, 100);
        return world;
    }

    @ParameterizedTest
    @EnumSource(Allocation.class)
    void a_clone_has_its_own_memory_and_the_originals_state(Allocation allocation) {
        try (World original = twoSkeletonWorld(allocation); World clone = original.clone()) {
            assertThat(clone.getName()).isNotEqualTo(original.getName());
            assertThat(clone.getMemoryManager()).isNotSameAs(original.getMemoryManager());
            assertThat(clone.getMemoryManager().owner()).isEqualTo(clone.getName());
            assertThat(clone.getConfig()).isEqualTo(original.getConfig());
            assertThat(clone.getTime()).isEqualTo(original.getTime());
            assertThat(GoldenScene.state(clone)).isEqualTo(GoldenScene.state(original));
            for (int i = 0; i < original.getSkeletonCount(); i++) {
                Skeleton o = original.getSkeleton(i);
                Skeleton c = clone.getSkeleton(i);
                assertThat(c).isNotSameAs(o);
                assertThat(c.name()).isEqualTo(o.name());
                assertThat(c.world()).isEqualTo(clone.getName());
                assertThat(c.storage()).isEqualTo(o.storage());
                if (allocation == Allocation.HIERARCHICAL) {
                    assertThat(c.baseAllocator()).isSameAs(clone.getMemoryManager().getFreeListAllocator());
                } else if (allocation == Allocation.INLINE) {
                    assertThat(c.baseAllocator()).isNotSameAs(o.baseAllocator());
                    assertThat(c.baseAllocator().name()).contains(clone.getName());
                }
                if (allocation != Allocation.HEAP) {
                    assertThat(c.pool().address()).isNotEqualTo(o.pool().address());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Allocation.class)
    void stepping_a_clone_never_touches_the_originals_memory(Allocation allocation) {
        try (World original = twoSkeletonWorld(allocation)) {
            double[] before = GoldenScene.state(original);
            long[] originalAllocators = counters(original);

            try (World clone = original.clone()) {
                GoldenScene.step(clone, 500);

                assertThat(GoldenScene.state(clone)).isNotEqualTo(before);
            }

            assertThat(GoldenScene.state(original)).as("original state").isEqualTo(before);
            assertThat(counters(original)).as("original allocators' counters").isEqualTo(originalAllocators);
            GoldenScene.step(original, 10);
        }
    }

    /**
     * Allocation counts and live bytes of every allocator the World owns or lends its skeletons
     * (not the process-wide default allocator, which HEAP skeletons name and everyone shares).
     */
    private static long[] counters(World world) {
        List<MemoryAllocator> allocators = new ArrayList<>(List.of(world.getMemoryManager().getFreeListAllocator(),
                world.getMemoryManager().getPoolAllocator(), world.getMemoryManager().getFrameAllocator()));
        for (Skeleton s : world.getSkeletons()) {
            if (s.baseAllocator() != MemoryAllocator.defaultAllocator()) {
                allocators.add(s.baseAllocator());
            }
        }
        long[] out = new long[2 * allocators.size()];
        for (int i = 0; i < allocators.size(); i++) {
            AllocatorMetrics m = allocators.get(i).metrics();
            out[2 * i] = m.allocationCount();
            out[2 * i + 1] = m.liveBytes();
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Allocation.class)
    void clones_stepped_on_two_threads_at_once_match_one_stepped_alone(Allocation allocation) throws Exception {
        int steps = 800;
        try (World original = twoSkeletonWorld(allocation)) {
            double[] expected;
            try (World alone = original.clone()) {
                GoldenScene.step(alone, steps);
                expected = GoldenScene.state(alone);
            }
            World left = original.clone();
            World right = original.clone();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(2);
                Future<double[]> leftState = threads.submit(() -> stepTogether(left, start, steps));
                Future<double[]> rightState = threads.submit(() -> stepTogether(right, start, steps));

                assertThat(leftState.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
                assertThat(rightState.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            } finally {
                threads.shutdown();
                assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                left.close();
                right.close();
            }
            assertThat(original.getStepCount()).isEqualTo(100);
        }
    }

    /** Waits until the other thread is ready too, so the two Worlds really step at the same time. */
    private static double[] stepTogether(World world, CountDownLatch start, int steps) throws InterruptedException {
        start.countDown();
        start.await();
        GoldenScene.step(world, steps);
        return GoldenScene.state(world);
    }
}
