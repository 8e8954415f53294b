package org.worldbench.constraint;

import static org.worldbench.constraint.DenseDot.dot;

/**
 * Dantzig's principal pivoting method for the boxed LCP, after ODE's {@code dLCP} (lcp.cpp), which
 * DART's {@code DantzigBoxedLcpSolver} wraps.
 *
 * <p>Rows are processed one at a time, friction rows last (ODE permutes them to the end so their
 * normals are solved first; a friction row's bounds are set from its normal's impulse when the row is
 * reached). Each processed row is either in the clamped set C (w = 0, x free inside its box) or the
 * set N (x at a bound). Row i's x_i is driven towards w_i = 0 while the C unknowns follow so their w
 * stays zero (Δx_C = −A_CC⁻¹·A_Ci·dir); the step stops at the first event: w_i reaches 0 (i joins
 * C), x_i reaches a bound (i joins N), an N row's w reaches 0 (it joins C), or a C unknown reaches a
 * bound (it leaves for N). As in ODE, a non-positive step is a failure, which sends the caller to
 * the fallback solver.
 *
 * <p>Layout (ODE's {@code swapProblem}): the problem is kept permuted so that C, N and the rows
 * not yet processed are consecutive <em>positions</em>:
 * <pre>
 *   position  0 … nC−1 | nC … k−1 | k         | k+1 … n−1
 *             C         | N        | row driven | not yet processed
 * </pre>
 * A, x, b, w, the bounds and the row states are stored by position, and a row changes set by
 * swapping two positions (a row and a column of A). So A_Ci is the prefix of row i, every product
 * with p_C is a contiguous dot product, and the loops over N or over the processed rows touch
 * exactly those rows. {@link #originalOf} maps positions back to the caller's rows.
 *
 * <p>What differs from ODE: A_CC is factored as a Cholesky L·Lᵀ (A must be symmetric, as a
 * Delassus matrix is) that is extended by one row when a row joins C and recomputed from the
 * leaving row's position on when one leaves (that row swaps places with the last of C, as in ODE),
 * where ODE updates an LDLᵀ factor in place; the pivoting decisions are the same. As in ODE, the
 * common join (the driven row itself, right after its direction was solved) reuses the forward
 * solve L⁻¹·A_Ci of that direction as the new factor row, so it costs O(|C|) instead of a third
 * triangular solve.
 *
 * <p>Memory: the pivoting loops read A and the factor O(n³) times, so the problem is copied into
 * plain {@code double[]} scratch owned by this solver (grown on demand, reused every solve, so a
 * steady-state solve allocates nothing) and x, lo and hi are copied back at the end. Reading the
 * workspace element by element cost a segment bounds check per read, a quarter of a contact step's
 * time (see docs/design/contact.md).
 */
final class DantzigLcpSolver implements BoxedLcpSolver {

    private static final int AT_LO = 0;
    private static final int AT_HI = 1;

    /** Pivots allowed per row before giving up (ODE has no cap; this guards against cycling). */
    private static final int MAX_PIVOTS_PER_ROW = 64;

    private static final int NO_REFACTOR = Integer.MAX_VALUE;

    private int n;
    /** The caller's A, row-major n × n, as copied out of the workspace. */
    private double[] input = new double[0];
    /** A by position: entry (r, c) at r·n + c. */
    private double[] a = new double[0];
    /** By position: x, b, lo, hi, w (w only for processed rows). */
    private double[] x = new double[0];
    private double[] b = new double[0];
    private double[] lo = new double[0];
    private double[] hi = new double[0];
    private double[] w = new double[0];
    /** By position: the caller's row number of the normal whose impulse bounds this friction row, −1 for none. */
    private int[] findex = new int[0];
    /** By position: AT_LO or AT_HI for rows in N. */
    private int[] bound = new int[0];
    /** The caller's row at each position, and its inverse. */
    private int[] originalOf = new int[0];
    private int[] positionOf = new int[0];
    /** Rows in C (positions 0..nC−1) and in N (positions nC..nC+nN−1). */
    private int nC;
    private int nN;
    /** Cholesky factor of A_CC, row r at r·n. */
    private double[] chol = new double[0];
    /**
     * 1 / L_rr per factor row: both triangular solves multiply by it instead of dividing, which
     * takes a division off the forward solve's chain of dependent rows.
     */
    private double[] invDiag = new double[0];
    /** Δx_C per unit step of the driven row (by C position), and Δw per unit step of the N rows (by position). */
    private double[] p = new double[0];
    private double[] q = new double[0];
    /**
     * y = L⁻¹·A_Ci from the last {@link #directionInC}: exactly the row the factor gets when i joins
     * C right after (ODE's {@code ell}, reused by its {@code transfer_i_to_C}), so that common case
     * costs O(|C|) instead of another triangular solve.
     */
    private double[] ell = new double[0];
    /** First factor row to recompute after a removal from C ({@link #NO_REFACTOR}: none). */
    private int refactorFrom = NO_REFACTOR;

    @Override
    public boolean solve(Workspace ws, BoxedLcp problem) {
        n = problem.n;
        ensureCapacity(n);
        loadPermuted(ws, problem);
        boolean solved = solvePermuted();
        // back to the caller's row order: x, b (unchanged), lo, hi, adjacent in the problem's block
        final int nn = n * n;
        final int bAt = nn + n;
        for (int r = 0; r < n; r++) {
            int i = originalOf[r];
            input[nn + i] = x[r];
            input[bAt + n + i] = lo[r];
            input[bAt + 2 * n + i] = hi[r];
        }
        ws.copyIn(input, nn, problem.x, 4 * n);
        return solved;
    }

    private void ensureCapacity(int rows) {
        if (x.length >= rows) {
            return;
        }
        int m = Math.max(rows, 2 * x.length);
        input = new double[m * m + 5 * m];
        a = new double[m * m];
        chol = new double[m * m];
        invDiag = new double[m];
        x = new double[m];
        b = new double[m];
        lo = new double[m];
        hi = new double[m];
        w = new double[m];
        p = new double[m];
        q = new double[m];
        ell = new double[m];
        findex = new int[m];
        bound = new int[m];
        originalOf = new int[m];
        positionOf = new int[m];
    }

    /**
     * Copies the problem in processing order (rows without findex first, then the friction rows,
     * each group in the caller's order): position k is the k-th row to process. The problem's
     * block (A, x, b, lo, hi, findex back to back, {@link BoxedLcp}) comes out in one bulk copy.
     */
    private void loadPermuted(Workspace ws, BoxedLcp problem) {
        final int nn = n * n;
        ws.copyOut(problem.a, input, 0, nn + 5 * n);
        final int bAt = nn + n;
        final int fAt = nn + 4 * n;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (input[fAt + i] < 0) {
                originalOf[k++] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (input[fAt + i] >= 0) {
                originalOf[k++] = i;
            }
        }
        for (int r = 0; r < n; r++) {
            int i = originalOf[r];
            positionOf[i] = r;
            findex[r] = (int) input[fAt + i];
            b[r] = input[bAt + i];
            lo[r] = input[bAt + n + i];
            hi[r] = input[bAt + 2 * n + i];
            x[r] = 0;
            w[r] = 0;
        }
        for (int r = 0; r < n; r++) {
            int from = originalOf[r] * n;
            int to = r * n;
            for (int c = 0; c < n; c++) {
                a[to + c] = input[from + originalOf[c]];
            }
        }
    }

    private boolean solvePermuted() {
        nC = 0;
        nN = 0;
        refactorFrom = NO_REFACTOR;
        for (int k = 0; k < n; k++) {
            if (!process(k)) {
                return false;
            }
        }
        return true;
    }

    /** Drives the row at position k = nC + nN (the first unprocessed) into C or N. */
    private boolean process(int k) {
        int f = findex[k];
        if (f >= 0) {
            double normalImpulse = x[positionOf[f]];
            double limit = normalImpulse == 0 ? 0 : Math.abs(hi[k] * normalImpulse);
            hi[k] = limit;
            lo[k] = -limit;
        }
        final double loK = lo[k];
        final double hiK = hi[k];
        final int rowK = k * n;
        // w_k = A_k·x − b_k over the processed rows (positions before k; the others have x = 0)
        double wk = dot(a, rowK, x, 0, k) - b[k];
        w[k] = wk;
        if (loK == 0 && wk >= 0) {
            joinN(k, AT_LO);
            return true;
        }
        if (hiK == 0 && wk <= 0) {
            joinN(k, AT_HI);
            return true;
        }
        if (wk == 0) {
            return joinC(k);
        }
        for (int pivot = 0; pivot < MAX_PIVOTS_PER_ROW; pivot++) {
            wk = w[k];
            final int cc = nC;
            final int nEnd = nC + nN;
            double dir = wk <= 0 ? 1 : -1;
            directionInC(k, dir);
            double dwk = dir * a[rowK + k] + dot(a, rowK, p, 0, cc);
            double xk = x[k];
            double s = -wk / dwk;
            int cmd = 1;
            int si = k;
            if (dir > 0) {
                if (hiK < Double.POSITIVE_INFINITY && hiK - xk < s) {
                    s = hiK - xk;
                    cmd = 3;
                }
            } else if (loK > Double.NEGATIVE_INFINITY && xk - loK < s) {
                s = xk - loK;
                cmd = 2;
            }
            // N rows whose w would cross zero
            for (int j = cc; j < nEnd; j++) {
                int rowJ = j * n;
                double qj = a[rowJ + k] * dir + dot(a, rowJ, p, 0, cc);
                q[j] = qj;
                if (lo[j] == 0 && hi[j] == 0) {
                    continue;
                }
                if (bound[j] == AT_LO ? qj < 0 : qj > 0) {
                    double s2 = -w[j] / qj;
                    if (s2 < s) {
                        s = s2;
                        cmd = 4;
                        si = j;
                    }
                }
            }
            // C unknowns that would leave their box
            for (int c = 0; c < cc; c++) {
                double pc = p[c];
                if (pc < 0) {
                    double loC = lo[c];
                    if (loC > Double.NEGATIVE_INFINITY) {
                        double s2 = (loC - x[c]) / pc;
                        if (s2 < s) {
                            s = s2;
                            cmd = 5;
                            si = c;
                        }
                    }
                } else if (pc > 0) {
                    double hiC = hi[c];
                    if (hiC < Double.POSITIVE_INFINITY) {
                        double s2 = (hiC - x[c]) / pc;
                        if (s2 < s) {
                            s = s2;
                            cmd = 6;
                            si = c;
                        }
                    }
                }
            }
            if (!(s > 0)) {
                return false;
            }
            // take the step
            for (int c = 0; c < cc; c++) {
                x[c] += s * p[c];
            }
            x[k] = xk + s * dir;
            for (int j = cc; j < nEnd; j++) {
                w[j] += s * q[j];
            }
            w[k] = wk + s * dwk;
            switch (cmd) {
                case 1 -> {
                    w[k] = 0;
                    return joinCFromDirection(k);
                }
                case 2 -> {
                    x[k] = loK;
                    joinN(k, AT_LO);
                    return true;
                }
                case 3 -> {
                    x[k] = hiK;
                    joinN(k, AT_HI);
                    return true;
                }
                case 4 -> {
                    w[si] = 0;
                    if (!joinC(si)) {
                        return false;
                    }
                }
                case 5 -> {
                    x[si] = lo[si];
                    leaveC(si, AT_LO);
                }
                default -> {
                    x[si] = hi[si];
                    leaveC(si, AT_HI);
                }
            }
            if (!refactor()) {
                return false;
            }
        }
        return false;
    }

    /**
     * p_C = −dir·A_CC⁻¹·A_Ck by the Cholesky factor: y = L⁻¹·A_Ck (kept in {@link #ell}), then
     * Lᵀ·z = y by rows of L (each row read contiguously, an axpy the JIT vectorises, instead of
     * walking a column of the row-major factor). A_Ck is the prefix of row k (A is symmetric).
     */
    private void directionInC(int k, double dir) {
        final int cc = nC;
        System.arraycopy(a, k * n, ell, 0, cc);
        forwardSolve(ell, 0, cc);
        System.arraycopy(ell, 0, p, 0, cc);
        for (int r = cc - 1; r >= 0; r--) {
            int lr = r * n;
            double zr = p[r] * invDiag[r];
            p[r] = zr;
            for (int c = 0; c < r; c++) {
                p[c] -= chol[lr + c] * zr;
            }
        }
        for (int c = 0; c < cc; c++) {
            p[c] = -dir * p[c];
        }
    }

    /** v[from..from+count) ← L⁻¹·v by forward substitution with the first {@code count} rows of the factor. */
    private void forwardSolve(double[] v, int from, int count) {
        for (int r = 0; r < count; r++) {
            int lr = r * n;
            v[from + r] = (v[from + r] - dot(chol, lr, v, from, r)) * invDiag[r];
        }
    }

    /** The row at position k (the driven one) joins N at the end of the N block. */
    private void joinN(int k, int at) {
        bound[k] = at;
        nN++;
    }

    /** The row at position j (the driven one or an N row) joins C: swapped to position nC, factor extended. */
    private boolean joinC(int j) {
        boolean fromN = j < nC + nN;
        int r = nC;
        swap(r, j);
        nC++;
        if (fromN) {
            nN--;
        }
        return factorRow(r);
    }

    /**
     * {@link #joinC} for the driven row k right after {@link #directionInC}{@code (k, …)} with C
     * unchanged: the new factor row is the {@link #ell} already solved (the same arithmetic as
     * {@link #factorRow}, so the same bits), leaving only its diagonal. The swap moves the first N
     * row to position k; positions 0..nC−1 of both rows are untouched, so ell stays valid.
     */
    private boolean joinCFromDirection(int k) {
        int r = nC;
        swap(r, k);
        System.arraycopy(ell, 0, chol, r * n, r);
        nC++;
        return finishRow(r);
    }

    /**
     * The C row at position c leaves for N: it swaps places with the last C row, which then sits at
     * c, so the factor rows from c on are recomputed ({@link #refactor}; the rows before c depend
     * only on the rows before c, which stay); C shrinks by one and the leaving row, now at position
     * nC, is the first of N.
     */
    private void leaveC(int c, int at) {
        int last = nC - 1;
        swap(c, last);
        nC = last;
        nN++;
        bound[last] = at;
        if (c < last) {
            refactorFrom = Math.min(refactorFrom, c);
        }
    }

    private boolean refactor() {
        int from = refactorFrom;
        refactorFrom = NO_REFACTOR;
        for (int r = from; r < nC; r++) {
            if (!factorRow(r)) {
                return false;
            }
        }
        return true;
    }

    /** Row r of L from rows 0..r−1: L_rc = (A_rc − Σ L_rk·L_ck)/L_cc, L_rr = √(A_rr − Σ L_rk²). */
    private boolean factorRow(int r) {
        int lr = r * n;
        System.arraycopy(a, lr, chol, lr, r);
        forwardSolve(chol, lr, r);
        return finishRow(r);
    }

    /** The diagonal of factor row r once its off-diagonal part is in place. */
    private boolean finishRow(int r) {
        int lr = r * n;
        double d = a[lr + r] - dot(chol, lr, chol, lr, r);
        if (!(d > 0)) {
            return false;
        }
        double l = Math.sqrt(d);
        chol[lr + r] = l;
        invDiag[r] = 1.0 / l;
        return true;
    }

    /** Exchanges positions i and j: rows and columns of A, and every per-position array. */
    private void swap(int i, int j) {
        if (i == j) {
            return;
        }
        final double[] m = a;
        final int ri = i * n;
        final int rj = j * n;
        for (int c = 0; c < n; c++) {
            double t = m[ri + c];
            m[ri + c] = m[rj + c];
            m[rj + c] = t;
        }
        for (int r = 0; r < n * n; r += n) {
            double t = m[r + i];
            m[r + i] = m[r + j];
            m[r + j] = t;
        }
        swap(x, i, j);
        swap(b, i, j);
        swap(lo, i, j);
        swap(hi, i, j);
        swap(w, i, j);
        swap(findex, i, j);
        swap(bound, i, j);
        int oi = originalOf[i];
        int oj = originalOf[j];
        originalOf[i] = oj;
        originalOf[j] = oi;
        positionOf[oj] = i;
        positionOf[oi] = j;
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    private static void swap(int[] v, int i, int j) {
        int t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
