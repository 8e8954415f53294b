package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Dantzig and PGS on small boxed LCPs whose solutions were computed offline with numpy: every
 * combination of "at lower bound / at upper bound / free" per row was solved with
 * numpy.linalg.solve and checked for complementarity (w = A·x − b ≥ 0 at lo, ≤ 0 at hi, 0 when
 * free, friction bounds ±μ·x_normal); each problem has exactly one such solution.
 */
class LcpSolverTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * A = [[4,1,.5],[1,3,.2],[.5,.2,2]], b = [1,−2,3], lo = [0,0,−.5], hi = [∞,∞,.5]:
     * x = [0.1875, 0, 0.5] (row 0 free, row 1 at its lower bound, row 2 at its upper bound).
     */
    private static BoxedLcp boxed(Workspace ws) {
        BoxedLcp lcp = new BoxedLcp().allocate(ws, 3);
        fill(ws, lcp, new double[] {4, 1, .5, 1, 3, .2, .5, .2, 2}, new double[] {1, -2, 3},
                new double[] {0, 0, -.5}, new double[] {INF, INF, .5}, new int[] {-1, -1, -1});
        return lcp;
    }

    /**
     * A contact-like problem: normal row 0 and friction rows 1, 2 bounded by μ = 0.5 times the normal
     * impulse. A = [[2,.3,.1],[.3,1.5,.2],[.1,.2,1.2]], b = [1,1.5,−.8]:
     * x = [10/21, 5/21, −5/21] (normal free, friction 1 at +μ·x₀, friction 2 at −μ·x₀).
     */
    private static BoxedLcp friction(Workspace ws) {
        BoxedLcp lcp = new BoxedLcp().allocate(ws, 3);
        fill(ws, lcp, new double[] {2, .3, .1, .3, 1.5, .2, .1, .2, 1.2}, new double[] {1, 1.5, -.8},
                new double[] {0, -.5, -.5}, new double[] {INF, .5, .5}, new int[] {-1, 0, 0});
        return lcp;
    }

    private static void fill(Workspace ws, BoxedLcp lcp, double[] a, double[] b, double[] lo, double[] hi, int[] f) {
        for (int k = 0; k < a.length; k++) {
            ws.set(lcp.a + k, a[k]);
        }
        for (int i = 0; i < b.length; i++) {
            ws.set(lcp.b + i, b[i]);
            ws.set(lcp.lo + i, lo[i]);
            ws.set(lcp.hi + i, hi[i]);
            ws.set(lcp.findex + i, f[i]);
        }
    }

    private static double[] x(Workspace ws, BoxedLcp lcp) {
        double[] x = new double[lcp.n];
        for (int i = 0; i < lcp.n; i++) {
            x[i] = ws.get(lcp.x + i);
        }
        return x;
    }

    @Test
    void dantzig_solves_a_boxed_lcp_with_rows_at_both_bounds() {
        Workspace ws = new HeapWorkspace();
        BoxedLcp lcp = boxed(ws);
        assertThat(new DantzigLcpSolver().solve(ws, lcp)).isTrue();
        assertThat(x(ws, lcp)).containsExactly(new double[] {0.1875, 0, 0.5}, within(1e-14));
    }

    /**
     * ODE's Dantzig fixes a friction row's bounds from its normal's impulse when it reaches the row and
     * does not revisit them, so it returns a solution of the LCP with those frozen bounds, not the
     * friction fixed point. Replaying dLCP by hand: row 0 alone gives x₀ = 1/2; row 1 (bounds ±0.25)
     * is driven up to +0.25 while x₀ follows by −0.15·0.25 to 0.4625; row 2 (bounds ±0.23125) is driven
     * down to −0.23125 while x₀ follows by +0.05·0.23125: x = [0.4740625, 0.25, −0.23125], with
     * w = [0, −1.0290625, 0.6199375] (free, at hi, at lo: complementary).
     */
    @Test
    void dantzig_scales_friction_bounds_by_the_normal_impulse_when_it_reaches_the_row() {
        Workspace ws = new HeapWorkspace();
        BoxedLcp lcp = friction(ws);
        assertThat(new DantzigLcpSolver().solve(ws, lcp)).isTrue();
        assertThat(x(ws, lcp)).containsExactly(new double[] {0.4740625, 0.25, -0.23125}, within(1e-14));
        assertThat(ws.get(lcp.hi + 2)).as("row 2's frozen bound").isCloseTo(0.23125, within(1e-15));
    }

    @Test
    void pgs_converges_to_the_same_solutions() {
        Workspace ws = new HeapWorkspace();
        BoxedLcp a = boxed(ws);
        assertThat(new PgsLcpSolver().solve(ws, a)).isTrue();
        assertThat(x(ws, a)).containsExactly(new double[] {0.1875, 0, 0.5}, within(1e-6));
        BoxedLcp f = friction(ws);
        assertThat(new PgsLcpSolver().solve(ws, f)).isTrue();
        // PGS re-reads the normal impulse every sweep, so it approaches the friction fixed point
        assertThat(x(ws, f)).containsExactly(new double[] {10.0 / 21, 5.0 / 21, -5.0 / 21}, within(1e-5));
    }

    /**
     * Contact-shaped problems of 30 contacts (normal ≥ 0, two friction rows within ±μ·normal) with a
     * random positive definite A = B·Bᵀ + 0.05·I and random b, so rows enter C, hit both bounds and
     * leave C again: the result must be complementary for the bounds Dantzig froze (returned in lo
     * and hi).
     */
    @Test
    void dantzig_returns_complementary_solutions_of_random_contact_problems() {
        java.util.Random random = new java.util.Random(42);
        int contacts = 30;
        int n = 3 * contacts;
        for (int trial = 0; trial < 20; trial++) {
            double[] bm = new double[n * n];
            for (int k = 0; k < bm.length; k++) {
                bm[k] = random.nextGaussian();
            }
            double[] a = RandomLcps.gramPlusDiagonal(bm, n, 0.05);
            double[] b = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            int[] f = new int[n];
            for (int c = 0; c < contacts; c++) {
                b[3 * c] = random.nextGaussian() + 0.5;
                hi[3 * c] = INF;
                f[3 * c] = -1;
                for (int k = 1; k < 3; k++) {
                    b[3 * c + k] = random.nextGaussian();
                    lo[3 * c + k] = -0.5;
                    hi[3 * c + k] = 0.5;
                    f[3 * c + k] = 3 * c;
                }
            }
            Workspace ws = new HeapWorkspace();
            BoxedLcp lcp = new BoxedLcp().allocate(ws, n);
            fill(ws, lcp, a, b, lo, hi, f);
            assertThat(new DantzigLcpSolver().solve(ws, lcp)).as("trial %d solved", trial).isTrue();
            double[] x = x(ws, lcp);
            for (int i = 0; i < n; i++) {
                double w = -b[i];
                for (int j = 0; j < n; j++) {
                    w += a[i * n + j] * x[j];
                }
                double l = ws.get(lcp.lo + i);
                double h = ws.get(lcp.hi + i);
                if (f[i] >= 0) {
                    // frozen from the normal's impulse when the row was reached (it may move afterwards)
                    assertThat(h).as("trial %d row %d friction bound", trial, i).isGreaterThanOrEqualTo(0);
                    assertThat(l).isEqualTo(-h);
                }
                String where = "trial " + trial + " row " + i + " x=" + x[i] + " w=" + w + " in [" + l + ", " + h + "]";
                assertThat(x[i]).as(where).isBetween(l, h);
                if (x[i] > l + 1e-12 && x[i] < h - 1e-12) {
                    assertThat(w).as(where).isCloseTo(0, within(1e-9));
                } else if (x[i] <= l + 1e-12 && h > l) {
                    assertThat(w).as(where).isGreaterThanOrEqualTo(-1e-9);
                } else if (h > l) {
                    assertThat(w).as(where).isLessThanOrEqualTo(1e-9);
                }
            }
        }
    }

    @Test
    void dantzig_reports_failure_on_a_matrix_that_is_not_positive_definite() {
        // A = [−1], b = 1, x ≥ 0: driving x up only makes w = −x − 1 more negative, so no step is positive
        Workspace ws = new HeapWorkspace();
        BoxedLcp lcp = new BoxedLcp().allocate(ws, 1);
        fill(ws, lcp, new double[] {-1}, new double[] {1}, new double[] {0}, new double[] {INF}, new int[] {-1});
        assertThat(new DantzigLcpSolver().solve(ws, lcp)).isFalse();
    }
}
