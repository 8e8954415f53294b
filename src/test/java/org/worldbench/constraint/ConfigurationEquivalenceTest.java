package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;

/**
 * HEAP, standalone-frame and borrowed-frame solvers run the same arithmetic in the same order, so
 * a stacked scene gives bit-identical impulses and states in all three; and the same scene stepped
 * twice gives the same states (determinism).
 */
class ConfigurationEquivalenceTest {

    private static final int STEPS = 300;

    @Test
    void heap_standalone_and_borrowed_frame_give_bit_identical_impulses_and_states() {
        double[][] heap = run(ConstraintSolver.heap(), null);
        double[][] standalone = run(new ConstraintSolver(), null);
        try (FrameAllocator frame = Allocators.frame(MemoryAllocator.defaultAllocator(), 256)) {
            double[][] borrowed = run(new ConstraintSolver(frame), frame);
            assertThat(borrowed[0]).as("impulses, borrowed vs heap").isEqualTo(heap[0]);
            assertThat(borrowed[1]).as("states, borrowed vs heap").isEqualTo(heap[1]);
        }
        assertThat(standalone[0]).as("impulses, standalone vs heap").isEqualTo(heap[0]);
        assertThat(standalone[1]).as("states, standalone vs heap").isEqualTo(heap[1]);
        assertThat(heap[0]).as("the scene had contacts").isNotEmpty();
    }

    @Test
    void the_same_scene_stepped_twice_gives_identical_states() {
        assertThat(run(new ConstraintSolver(), null)[1]).isEqualTo(run(new ConstraintSolver(), null)[1]);
    }

    /** Steps two stacks of three cubes plus a lone cube; returns {impulses of the last step, final q and dq}. */
    private static double[][] run(ConstraintSolver solver, FrameAllocator borrowedFrame) {
        double[][] positions = ContactScenes.stacks(7, 3);
        positions[6][2] += 0.05; // the lone cube drops from 5 cm and lands during the run
        try (ContactScenes world = new ContactScenes(solver, positions)) {
            world.cubes.get(1).setVelocity(3, 0.05); // a sideways push so friction works
            for (int i = 0; i < STEPS; i++) {
                if (borrowedFrame != null) {
                    borrowedFrame.reset();
                }
                world.step();
            }
            int m = solver.lastContactCount();
            double[] impulses = new double[3 * m];
            for (int k = 0; k < m; k++) {
                for (int r = 0; r < 3; r++) {
                    impulses[3 * k + r] = solver.contactImpulse(k, r);
                }
            }
            double[] state = new double[12 * world.cubes.size()];
            for (int c = 0; c < world.cubes.size(); c++) {
                for (int d = 0; d < 6; d++) {
                    state[12 * c + d] = world.cubes.get(c).position(d);
                    state[12 * c + 6 + d] = world.cubes.get(c).velocity(d);
                }
            }
            return new double[][] {impulses, state};
        }
    }
}
