package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;

/** Who owns the frame, and bad input rejected with an error that names it. */
class ConstraintSolverContractTest {

    @Test
    void standalone_solver_creates_its_frame_on_the_first_solve_and_resets_it_every_solve() {
        try (ContactScenes world = new ContactScenes(new ConstraintSolver(), ContactScenes.stacks(2, 1))) {
            assertThat(world.solver.frame()).as("no frame before the first solve").isNull();
            world.step();
            world.step();
            FrameAllocator frame = world.solver.frame();
            assertThat(frame).isNotNull();
            long used = frame.used();
            world.step();
            assertThat(frame.used()).as("reset at the start of each solve, so use does not pile up").isEqualTo(used);
        }
    }

    @Test
    void borrowed_frame_is_neither_reset_nor_closed_by_the_solver() {
        try (FrameAllocator frame = Allocators.frame(MemoryAllocator.defaultAllocator())) {
            ContactScenes world = new ContactScenes(new ConstraintSolver(frame), ContactScenes.stacks(2, 1));
            world.step();
            world.step();
            long afterTwo = frame.used();
            world.step();
            assertThat(frame.used()).as("the owner resets, not the solver").isGreaterThan(afterTwo);
            world.close();
            frame.reset();
            assertThat(frame.allocateOffset(64, 8)).as("still usable after the solver closed").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void heap_solver_uses_no_frame() {
        try (ContactScenes world = new ContactScenes(ConstraintSolver.heap(), ContactScenes.stacks(2, 1))) {
            world.step();
            world.step();
            assertThat(world.solver.frame()).isNull();
            assertThat(world.solver.lastContactCount()).isEqualTo(8);
        }
    }

    @Test
    void contact_read_access_gives_points_normals_and_depths_of_the_last_solve() {
        try (ContactScenes world = new ContactScenes(ConstraintSolver.heap(), new double[][] {{0, 0, 0.099}})) {
            world.step();
            ConstraintSolver solver = world.solver;
            assertThat(solver.lastContactCount()).isEqualTo(4);
            double[] p = new double[3];
            double[] n = new double[3];
            for (int k = 0; k < 4; k++) {
                solver.contactPoint(k, p);
                solver.contactNormal(k, n);
                assertThat(Math.abs(p[0])).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(Math.abs(p[1])).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(solver.contactDepth(k)).isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(Math.abs(n[2])).isEqualTo(1.0);
                assertThat(solver.contactImpulse(k, 0)).as("normal impulse").isPositive();
            }
            assertThatThrownBy(() -> solver.contactDepth(4)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("contact 4 of 4");
        }
    }

    @Test
    void bad_input_is_rejected_with_a_clear_error() {
        try (ConstraintSolver solver = new ConstraintSolver(); Skeleton s = new Skeleton("rod")) {
            s.addBody(null, JointSpec.free("rod_joint"), "rod", Inertia.box(1, 0.1, 0.1, 1, org.worldbench.math.Vec3.ZERO))
                    .addCollisionShape(CollisionShape.of(new Geometry.Cylinder(0.05, 1)));
            assertThatThrownBy(() -> solver.addSkeleton(s)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("body 'rod'").hasMessageContaining("Cylinder");
            assertThatThrownBy(() -> solver.solve(Double.NaN)).hasMessageContaining("time step");
            assertThatThrownBy(() -> solver.solve(0)).hasMessageContaining("time step");
            assertThatThrownBy(() -> solver.removeSkeleton(s)).hasMessageContaining("'rod' is not in");
        }
        try (ConstraintSolver solver = ConstraintSolver.heap(); Skeleton s = new Skeleton("cube")) {
            solver.addSkeleton(s);
            assertThatThrownBy(() -> solver.addSkeleton(s)).hasMessageContaining("'cube' is already");
            solver.close();
            assertThatThrownBy(() -> solver.solve(0.001)).hasMessageContaining("closed");
        }
    }
}
