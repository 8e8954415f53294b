package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * When Dantzig fails, or returns a non-finite impulse, projected Gauss–Seidel solves the island's
 * LCP from the untouched problem, and the cubes still rest on the ground.
 */
class FallbackTest {

    @Test
    void pgs_takes_over_when_dantzig_fails() {
        assertFallbackTaken((ws, lcp) -> false);
    }

    @Test
    void pgs_takes_over_when_dantzig_returns_nan() {
        assertFallbackTaken((ws, lcp) -> {
            new DantzigLcpSolver().solve(ws, lcp);
            ws.set(lcp.x, Double.NaN);
            return true;
        });
    }

    @Test
    void dantzig_needs_no_fallback_on_a_resting_grid() {
        try (ContactScenes world = new ContactScenes(new ConstraintSolver(), ContactScenes.stacks(4, 1))) {
            for (int i = 0; i < 100; i++) {
                world.step();
            }
            assertThat(world.solver.fallbackCount()).isZero();
        }
    }

    private static void assertFallbackTaken(BoxedLcpSolver primary) {
        ConstraintSolver solver = new ConstraintSolver();
        solver.setPrimarySolver(primary);
        try (ContactScenes world = new ContactScenes(solver, ContactScenes.stacks(4, 2))) {
            int lcps = 0;
            for (int i = 0; i < 200; i++) {
                world.step();
                lcps += solver.lastLcpCount();
            }
            assertThat(lcps).as("LCPs solved").isPositive();
            assertThat(solver.fallbackCount()).as("fallbacks").isEqualTo(lcps);
            for (int c = 0; c < 4; c++) {
                assertThat(world.z(c)).as("cube " + c + " height").isCloseTo(c % 2 == 0 ? 0.1 : 0.3, within(1e-3));
            }
        }
    }
}
