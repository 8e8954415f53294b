package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The interior solution is taken exactly when it is the LCP's solution (every row inside its box,
 * friction boxes scaled by this solution's normals); everything else reaches Dantzig untouched. The
 * envelope factorization must solve sparse and dense matrices alike.
 */
class InteriorFirstLcpSolverTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** A pivoting solver that must not be reached. */
    private static final BoxedLcpSolver UNREACHABLE = (ws, lcp) -> {
        throw new AssertionError("the interior solution should have been taken");
    };

    @Test
    void takes_the_interior_solution_of_a_block_tridiagonal_contact_problem() {
        // contact groups of 12 rows coupled only to their neighbours, as in a stack of cubes
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Problem p = Problem.contacts(random, 5, 4, true);
            double[] expected = p.interiorSolution();
            Workspace ws = new HeapWorkspace();
            BoxedLcp lcp = p.into(ws);
            assertThat(new InteriorFirstLcpSolver(UNREACHABLE).solve(ws, lcp)).isTrue();
            assertThat(read(ws, lcp.x, p.n)).as("trial %d", trial).containsExactly(expected, within(1e-9));
            for (int i = 0; i < p.n; i++) {
                double w = -p.b[i];
                for (int j = 0; j < p.n; j++) {
                    w += p.a[i * p.n + j] * ws.get(lcp.x + j);
                }
                assertThat(w).as("trial %d row %d: w = 0 for an interior row", trial, i).isCloseTo(0, within(1e-9));
            }
        }
    }

    @Test
    void agrees_with_dantzig_when_no_row_is_at_a_bound() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            Problem p = Problem.contacts(random, 6, 3, trial % 2 == 0);
            Workspace ws = new HeapWorkspace();
            BoxedLcp viaInterior = p.into(ws);
            BoxedLcp viaDantzig = p.into(ws);
            assertThat(new InteriorFirstLcpSolver(UNREACHABLE).solve(ws, viaInterior)).isTrue();
            assertThat(new DantzigLcpSolver().solve(ws, viaDantzig)).isTrue();
            assertThat(read(ws, viaInterior.x, p.n)).as("trial %d", trial)
                    .containsExactly(read(ws, viaDantzig.x, p.n), within(1e-9));
            // the effective friction bounds are written back, as Dantzig writes its frozen ones
            for (int i = 0; i < p.n; i++) {
                if (p.findex[i] >= 0) {
                    double limit = 0.5 * ws.get(viaInterior.x + p.findex[i]);
                    assertThat(ws.get(viaInterior.hi + i)).isCloseTo(limit, within(1e-12));
                    assertThat(ws.get(viaInterior.lo + i)).isCloseTo(-limit, within(1e-12));
                }
            }
        }
    }

    @Test
    void hands_a_problem_with_a_row_at_a_bound_to_dantzig_untouched() {
        // LcpSolverTest's boxed problem: row 1 at its lower bound, row 2 at its upper bound
        Problem p = new Problem(new double[] {4, 1, .5, 1, 3, .2, .5, .2, 2}, new double[] {1, -2, 3},
                new double[] {0, 0, -.5}, new double[] {INF, INF, .5}, new int[] {-1, -1, -1});
        assertHandedOver(p);
    }

    @Test
    void hands_a_problem_with_friction_at_its_bound_to_dantzig_untouched() {
        // LcpSolverTest's friction problem: both friction rows at ±μ·x₀
        Problem p = new Problem(new double[] {2, .3, .1, .3, 1.5, .2, .1, .2, 1.2}, new double[] {1, 1.5, -.8},
                new double[] {0, -.5, -.5}, new double[] {INF, .5, .5}, new int[] {-1, 0, 0});
        assertHandedOver(p);
    }

    @Test
    void hands_a_matrix_that_is_not_positive_definite_to_dantzig() {
        Problem p = new Problem(new double[] {1, 2, 2, 1}, new double[] {1, 1},
                new double[] {-INF, -INF}, new double[] {INF, INF}, new int[] {-1, -1});
        assertHandedOver(p);
    }

    @Test
    void hands_a_non_finite_problem_to_dantzig() {
        Problem p = new Problem(new double[] {2, 0, 0, 2}, new double[] {Double.NaN, 1},
                new double[] {-INF, -INF}, new double[] {INF, INF}, new int[] {-1, -1});
        assertHandedOver(p);
    }

    /** The pivoting solver receives the problem exactly as the caller wrote it, and its answer is returned. */
    private static void assertHandedOver(Problem p) {
        Workspace ws = new HeapWorkspace();
        BoxedLcp lcp = p.into(ws);
        double[] before = read(ws, lcp.a, p.n * p.n + 5 * p.n);
        AtomicInteger calls = new AtomicInteger();
        InteriorFirstLcpSolver solver = new InteriorFirstLcpSolver((w, problem) -> {
            calls.incrementAndGet();
            assertThat(read(w, problem.a, p.n * p.n + 5 * p.n)).as("problem handed over untouched")
                    .containsExactly(before);
            return false;
        });
        assertThat(solver.solve(ws, lcp)).as("the pivoting solver's answer").isFalse();
        assertThat(calls).hasValue(1);
        assertThat(solver.pivotingSolves()).isEqualTo(1);
        assertThat(solver.interiorSolves()).isZero();
    }

    @Test
    void a_resting_stack_is_solved_by_its_interior_solution() {
        // the case the shortcut exists for: if it stopped being taken, contact steps would silently
        // fall back to Dantzig's n³/3 per island (see docs/design/contact.md)
        ConstraintSolver solver = new ConstraintSolver();
        try (ContactScenes world = new ContactScenes(solver, ContactScenes.stacks(10, 5))) {
            for (int i = 0; i < 300; i++) {
                world.step();
            }
            long interiorBefore = solver.interiorSolveCount();
            long pivotingBefore = solver.pivotingSolveCount();
            for (int i = 0; i < 200; i++) {
                world.step();
            }
            assertThat(solver.interiorSolveCount() - interiorBefore).as("interior solves").isEqualTo(2 * 200);
            assertThat(solver.pivotingSolveCount() - pivotingBefore).as("Dantzig solves").isZero();
            for (int c = 0; c < 10; c++) {
                assertThat(world.z(c)).as("cube %d height", c).isCloseTo(0.1 + 0.2 * (c % 5), within(1e-3));
            }
        }
    }

    private static double[] read(Workspace ws, long at, int count) {
        double[] v = new double[count];
        ws.copyOut(at, v, 0, count);
        return v;
    }

    /** A boxed LCP held in plain arrays, written into a workspace on demand. */
    private record Problem(double[] a, double[] b, double[] lo, double[] hi, int[] findex, int n) {

        Problem(double[] a, double[] b, double[] lo, double[] hi, int[] findex) {
            this(a, b, lo, hi, findex, b.length);
        }

        /**
         * {@code groups} groups of {@code perGroup} contacts (normal, two friction rows, μ = 0.5); a
         * group's rows couple with its own and, if {@code chained}, its neighbours' (else with all).
         * A is positive definite; b = A·x* for an x* whose normals are positive and whose friction
         * stays within a tenth of μ·normal, so the solution is interior.
         */
        static Problem contacts(Random random, int groups, int perGroup, boolean chained) {
            int rowsPerGroup = 3 * perGroup;
            int n = groups * rowsPerGroup;
            double[] bm = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    boolean coupled = !chained || i / rowsPerGroup == k / rowsPerGroup;
                    bm[i * n + k] = coupled ? random.nextGaussian() : 0;
                }
            }
            double[] a = RandomLcps.gramPlusDiagonal(bm, n, 1.0);
            if (chained) {
                // neighbouring groups share a body: couple them through a few small entries
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        if (i / rowsPerGroup == j / rowsPerGroup + 1) {
                            a[i * n + j] = 0.01 * random.nextGaussian() / n;
                            a[j * n + i] = a[i * n + j];
                        }
                    }
                }
            }
            double[] x = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            int[] findex = new int[n];
            for (int c = 0; c < n / 3; c++) {
                x[3 * c] = 1 + random.nextDouble();
                hi[3 * c] = INF;
                findex[3 * c] = -1;
                for (int k = 1; k < 3; k++) {
                    x[3 * c + k] = (random.nextDouble() - 0.5) * 0.1 * x[3 * c];
                    lo[3 * c + k] = -0.5;
                    hi[3 * c + k] = 0.5;
                    findex[3 * c + k] = 3 * c;
                }
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i] += a[i * n + j] * x[j];
                }
            }
            return new Problem(a, b, lo, hi, findex, n);
        }

        /** A⁻¹·b by Gaussian elimination with partial pivoting, independent of the solver under test. */
        double[] interiorSolution() {
            double[] m = a.clone();
            double[] v = b.clone();
            for (int col = 0; col < n; col++) {
                int pivot = col;
                for (int r = col + 1; r < n; r++) {
                    if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) {
                        pivot = r;
                    }
                }
                for (int c = 0; c < n; c++) {
                    double t = m[col * n + c];
                    m[col * n + c] = m[pivot * n + c];
                    m[pivot * n + c] = t;
                }
                double t = v[col];
                v[col] = v[pivot];
                v[pivot] = t;
                for (int r = col + 1; r < n; r++) {
                    double f = m[r * n + col] / m[col * n + col];
                    for (int c = col; c < n; c++) {
                        m[r * n + c] -= f * m[col * n + c];
                    }
                    v[r] -= f * v[col];
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double s = v[r];
                for (int c = r + 1; c < n; c++) {
                    s -= m[r * n + c] * x[c];
                }
                x[r] = s / m[r * n + r];
            }
            return x;
        }

        BoxedLcp into(Workspace ws) {
            BoxedLcp lcp = new BoxedLcp().allocate(ws, n);
            ws.copyIn(a, 0, lcp.a, n * n);
            ws.copyIn(b, 0, lcp.b, n);
            ws.copyIn(lo, 0, lcp.lo, n);
            ws.copyIn(hi, 0, lcp.hi, n);
            for (int i = 0; i < n; i++) {
                ws.set(lcp.findex + i, findex[i]);
            }
            return lcp;
        }
    }
}
