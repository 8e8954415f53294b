package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;

/**
 * In steady state a solve allocates nothing on the Java heap in the frame modes: the thread's
 * allocated-bytes counter around many steps of a 50-cube contact scene, after warm-up (the frame
 * arena has grown to the scene's need and the JIT has compiled the solver).
 */
class SolveAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest(name = "{0} cubes, {1} per column, {2} frame")
    @CsvSource({"50, 1, borrowed", "50, 5, borrowed", "50, 5, standalone"})
    void solve_allocates_nothing_after_warm_up(int cubes, int perColumn, String frameMode) {
        try (FrameAllocator frame = Allocators.frame(MemoryAllocator.defaultAllocator())) {
            boolean borrowed = frameMode.equals("borrowed");
            ConstraintSolver solver = borrowed ? new ConstraintSolver(frame) : new ConstraintSolver();
            try (ContactScenes world = new ContactScenes(solver, ContactScenes.stacks(cubes, perColumn))) {
                Runnable step = borrowed ? () -> {
                    frame.reset(); // the World's job at the start of each step
                    world.step();
                } : world::step;
                long bytes = Long.MAX_VALUE;
                for (int round = 0; round < 4 && bytes != 0; round++) {
                    for (int i = 0; i < 300; i++) {
                        step.run();
                    }
                    long thread = Thread.currentThread().threadId();
                    long before = THREADS.getThreadAllocatedBytes(thread);
                    for (int i = 0; i < 200; i++) {
                        step.run();
                    }
                    bytes = THREADS.getThreadAllocatedBytes(thread) - before;
                }
                assertThat(world.solver.lastContactCount()).as("the scene is in contact").isEqualTo(4 * cubes);
                assertThat(bytes).as("heap bytes allocated by 200 steps after warm-up").isZero();
            }
        }
    }
}
