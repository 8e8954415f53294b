package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.worldbench.dynamics.Skeleton;

/**
 * After warm-up, {@link World#step()} allocates nothing on the Java heap in the INLINE and
 * HIERARCHICAL configurations, measured with the thread's allocated-bytes counter around 2000
 * steps. The scene: DART's small world (chain7) and a tumbling floating chain, reset every 1000
 * steps as DART's benchmark does (the chain gains energy and would blow up near 3.6 s).
 */
class WorldStepAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(value = Allocation.class, names = {"INLINE", "HIERARCHICAL"})
    void world_step_allocates_nothing_after_warm_up(Allocation allocation) {
        try (World world = new World(WorldConfig.defaults().withAllocation(allocation))) {
            world.addSkeleton(GoldenScene.named("small_world_step").buildSkeleton());
            world.addSkeleton(GoldenScene.named("floating_chain5_tumble").buildSkeleton());
            double[][] initial = initialStates(world);

            long bytes = Long.MAX_VALUE;
            for (int round = 0; round < 4 && bytes != 0; round++) {
                run(world, initial, 10_000);
                long thread = Thread.currentThread().threadId();
                long before = THREADS.getThreadAllocatedBytes(thread);
                run(world, initial, 2_000);
                bytes = THREADS.getThreadAllocatedBytes(thread) - before;
            }

            assertThat(bytes).as("heap bytes allocated by 2000 World.step() calls after warm-up (%s)", allocation)
                    .isZero();
        }
    }

    /**
     * The contact scene: DART's ground and 50 cubes in one layer (200 contacts per step), which settle
     * within the warm-up, as DART's benchmark lets them (200 steps) before it times a step.
     */
    @ParameterizedTest
    @EnumSource(value = Allocation.class, names = {"INLINE", "HIERARCHICAL"})
    void contact_step_with_50_boxes_allocates_nothing_after_warm_up(Allocation allocation) {
        try (World world = WorldContactTest.boxWorld(WorldConfig.defaults().withAllocation(allocation), 50, 1)) {
            long bytes = Long.MAX_VALUE;
            for (int round = 0; round < 4 && bytes != 0; round++) {
                GoldenScene.step(world, 1_000);
                long thread = Thread.currentThread().threadId();
                long before = THREADS.getThreadAllocatedBytes(thread);
                GoldenScene.step(world, 200);
                bytes = THREADS.getThreadAllocatedBytes(thread) - before;
            }

            assertThat(world.getConstraintSolver().lastContactCount()).isEqualTo(200);
            assertThat(bytes).as("heap bytes allocated by 200 contact steps after warm-up (%s)", allocation).isZero();
        }
    }

    private static double[][] initialStates(World world) {
        double[][] states = new double[2 * world.getSkeletonCount()][];
        for (int i = 0; i < world.getSkeletonCount(); i++) {
            states[2 * i] = world.getSkeleton(i).positions();
            states[2 * i + 1] = world.getSkeleton(i).velocities();
        }
        return states;
    }

    private static void run(World world, double[][] initial, int steps) {
        for (int k = 0; k < steps; k++) {
            if (k % 1000 == 0) {
                for (int i = 0; i < world.getSkeletonCount(); i++) {
                    Skeleton s = world.getSkeleton(i);
                    s.setPositions(initial[2 * i]);
                    s.setVelocities(initial[2 * i + 1]);
                }
            }
            world.step();
        }
    }
}
