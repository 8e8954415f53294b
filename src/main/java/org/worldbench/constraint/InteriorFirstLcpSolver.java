package org.worldbench.constraint;

import static org.worldbench.constraint.DenseDot.dot;

/**
 * Tries the boxed LCP's interior solution before pivoting: if x = A⁻¹·b lies inside every row's box,
 * then w = 0 for every row and x is <em>the</em> solution (A is positive definite, so the boxed LCP
 * has exactly one); otherwise the untouched problem goes to the pivoting solver ({@link
 * DantzigLcpSolver}).
 *
 * <p>Why: a resting contact island is the common case and its solution is interior (normals
 * pushing, friction holding, no row at a bound). Dantzig reaches that same x one row at a time, a
 * forward and a back substitution per row, about n³/3 multiply-adds whatever A's structure. Here
 * it is one Cholesky factorization, and a contact island's Delassus matrix is sparse in a way the
 * factor keeps: rows of contacts that share no body are zero, and the contacts arrive grouped by
 * body pair. The factor is computed inside A's <em>envelope</em> (from each row's first non-zero
 * column to the diagonal; Cholesky creates no fill-in left of it), so a stack of five cubes (60
 * rows, each contact group coupled only to its neighbours) costs about 7,900 multiply-adds
 * instead of Dantzig's 72,000. On a dense row the envelope is the whole row and this is an
 * ordinary Cholesky, still half of Dantzig's work.
 *
 * <pre>
 *   row i of L:  0 … first(i)−1 | first(i) … i−1 | i
 *                never read     | L_ij          | L_ii     L_ij = (A_ij − Σ_k L_ik·L_jk) / L_jj,
 *                                                          k from max(first(i), first(j)) to j−1
 * </pre>
 *
 * <p>Friction rows (findex ≥ 0) are checked against ±|hi·x_normal| with the normal's impulse of this
 * solution, the LCP's own definition (projected Gauss–Seidel converges to the same). ODE's Dantzig
 * instead freezes a friction row's bound from its normal's impulse at the moment it reaches the row;
 * when friction is not at its bound the two agree (as here: the check passed, so no friction row is
 * at its bound in this solution). A non-positive pivot, a non-finite value or any row outside its box sends the problem to the
 * pivoting solver; nothing was written to the workspace by then.
 *
 * <p>Memory: the same reused scratch arrays as {@link DantzigLcpSolver}, grown on demand; a steady
 * solve allocates nothing. Not thread-safe (one per constraint solver).
 */
final class InteriorFirstLcpSolver implements BoxedLcpSolver {

    private final BoxedLcpSolver pivoting;

    private int n;
    /** The problem's block as copied out: A (n·n), x, b, lo, hi, findex. */
    private double[] block = new double[0];
    /** The envelope Cholesky factor, row i at i·n (columns before first(i) are stale). */
    private double[] factor = new double[0];
    private double[] invDiag = new double[0];
    /** Per row: the first column whose entry of A is not zero (the row's envelope start). */
    private int[] first = new int[0];

    private long interiorSolves;
    private long pivotingSolves;

    InteriorFirstLcpSolver(BoxedLcpSolver pivoting) {
        this.pivoting = java.util.Objects.requireNonNull(pivoting, "pivoting");
    }

    @Override
    public boolean solve(Workspace ws, BoxedLcp problem) {
        if (solveInterior(ws, problem)) {
            interiorSolves++;
            return true;
        }
        pivotingSolves++;
        return pivoting.solve(ws, problem);
    }

    /** Problems this solver answered with the interior solution. */
    long interiorSolves() {
        return interiorSolves;
    }

    /** Problems handed to the pivoting solver. */
    long pivotingSolves() {
        return pivotingSolves;
    }

    private boolean solveInterior(Workspace ws, BoxedLcp problem) {
        n = problem.n;
        ensureCapacity(n);
        final int nn = n * n;
        ws.copyOut(problem.a, block, 0, nn + 5 * n);
        if (!factorize()) {
            return false;
        }
        final int xAt = nn;
        substitute(xAt, nn + n);
        if (!insideBoxes(xAt)) {
            return false;
        }
        // x, b (unchanged), and the effective lo and hi, adjacent in the problem's block
        ws.copyIn(block, xAt, problem.x, 4 * n);
        return true;
    }

    private void ensureCapacity(int rows) {
        if (invDiag.length >= rows) {
            return;
        }
        int m = Math.max(rows, 2 * invDiag.length);
        block = new double[m * m + 5 * m];
        factor = new double[m * m];
        invDiag = new double[m];
        first = new int[m];
    }

    /** L·Lᵀ = A inside A's envelope; false on a non-positive (or NaN) pivot. */
    private boolean factorize() {
        final double[] a = block;
        final double[] l = factor;
        for (int i = 0; i < n; i++) {
            final int row = i * n;
            int fi = 0;
            while (fi < i && a[row + fi] == 0) {
                fi++;
            }
            first[i] = fi;
            for (int j = fi; j < i; j++) {
                int from = Math.max(fi, first[j]);
                double s = a[row + j] - dot(l, row + from, l, j * n + from, j - from);
                l[row + j] = s * invDiag[j];
            }
            double d = a[row + i] - dot(l, row + fi, l, row + fi, i - fi);
            if (!(d > 0)) {
                return false;
            }
            double lii = Math.sqrt(d);
            l[row + i] = lii;
            invDiag[i] = 1.0 / lii;
        }
        return true;
    }

    /** x = A⁻¹·b into block[xAt..]: L·y = b by rows, then Lᵀ·x = y by rows of L (axpy). */
    private void substitute(int xAt, int bAt) {
        final double[] v = block;
        final double[] l = factor;
        for (int i = 0; i < n; i++) {
            int fi = first[i];
            v[xAt + i] = (v[bAt + i] - dot(l, i * n + fi, v, xAt + fi, i - fi)) * invDiag[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            final int row = i * n;
            double xi = v[xAt + i] * invDiag[i];
            v[xAt + i] = xi;
            for (int k = first[i]; k < i; k++) {
                v[xAt + k] -= l[row + k] * xi;
            }
        }
    }

    /**
     * Whether every x_i is within its bounds (a NaN is not), friction bounds scaled by their normal's
     * impulse in this x. The effective friction bounds go into the copy's lo and hi as they are
     * checked, as Dantzig writes its frozen ones; the copy reaches the workspace only if all pass.
     */
    private boolean insideBoxes(int xAt) {
        final double[] v = block;
        final int loAt = xAt + 2 * n;
        final int hiAt = xAt + 3 * n;
        final int fAt = xAt + 4 * n;
        for (int i = 0; i < n; i++) {
            int f = (int) v[fAt + i];
            if (f >= 0) {
                double normalImpulse = v[xAt + f];
                double limit = normalImpulse == 0 ? 0 : Math.abs(v[hiAt + i] * normalImpulse);
                v[loAt + i] = -limit;
                v[hiAt + i] = limit;
            }
            double x = v[xAt + i];
            if (!(x >= v[loAt + i] && x <= v[hiAt + i])) {
                return false;
            }
        }
        return true;
    }
}
