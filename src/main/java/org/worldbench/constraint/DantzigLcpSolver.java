package org.worldbench.constraint;

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
 * <p>What differs from ODE: A_CC is factored as a Cholesky L·Lᵀ (A must be symmetric, as a
 * Delassus matrix is) that is extended by one row when an index joins C and recomputed from the
 * leaving index's position on when one leaves, where ODE updates an LDLᵀ factor in place; the
 * pivoting decisions are the same. As in ODE, the common join (row i itself, right after its
 * direction was solved) reuses the forward solve L⁻¹·A_Ci of that direction as the new factor row,
 * so it costs O(|C|) instead of a third triangular solve.
 *
 * <p>Memory: the pivoting loops read A and the factor O(n³) times, so the problem is copied into
 * plain {@code double[]} scratch owned by this solver (grown on demand, reused every solve, so a
 * steady-state solve allocates nothing) and x, lo and hi are copied back at the end. Reading the
 * workspace element by element cost a segment bounds check per read, a quarter of a contact step's
 * time (see docs/design/contact.md).
 */
final class DantzigLcpSolver implements BoxedLcpSolver {

    private static final int UNPROCESSED = 0;
    private static final int IN_C = 1;
    private static final int AT_LO = 2;
    private static final int AT_HI = 3;

    /** Pivots allowed per row before giving up (ODE has no cap; this guards against cycling). */
    private static final int MAX_PIVOTS_PER_ROW = 64;

    private static final int NO_REFACTOR = Integer.MAX_VALUE;

    private int n;
    /** The problem's copy: A row-major n × n, x, b, lo, hi, findex (−1: none). */
    private double[] a = new double[0];
    private double[] x = new double[0];
    private double[] b = new double[0];
    private double[] lo = new double[0];
    private double[] hi = new double[0];
    private int[] findex = new int[0];
    /** Per row: UNPROCESSED, IN_C, AT_LO or AT_HI. */
    private int[] state = new int[0];
    private double[] w = new double[0];
    private int[] order = new int[0];
    /** Rows in C, in the order of the factor's rows. */
    private int[] cIndex = new int[0];
    private int cCount;
    /** Cholesky factor of A_CC, row r at r·n. */
    private double[] chol = new double[0];
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
        ws.copyOut(problem.a, a, 0, n * n);
        ws.copyOut(problem.b, b, 0, n);
        ws.copyOut(problem.lo, lo, 0, n);
        ws.copyOut(problem.hi, hi, 0, n);
        ws.copyOut(problem.findex, p, 0, n);
        for (int i = 0; i < n; i++) {
            findex[i] = (int) p[i];
            x[i] = 0;
            state[i] = UNPROCESSED;
            w[i] = 0;
        }
        boolean solved = solveCopy();
        ws.copyIn(x, 0, problem.x, n);
        ws.copyIn(lo, 0, problem.lo, n);
        ws.copyIn(hi, 0, problem.hi, n);
        return solved;
    }

    private void ensureCapacity(int rows) {
        if (x.length >= rows) {
            return;
        }
        int m = Math.max(rows, 2 * x.length);
        a = new double[m * m];
        chol = new double[m * m];
        x = new double[m];
        b = new double[m];
        lo = new double[m];
        hi = new double[m];
        w = new double[m];
        p = new double[m];
        q = new double[m];
        ell = new double[m];
        findex = new int[m];
        state = new int[m];
        order = new int[m];
        cIndex = new int[m];
    }

    private boolean solveCopy() {
        cCount = 0;
        refactorFrom = NO_REFACTOR;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (findex[i] < 0) {
                order[k++] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (findex[i] >= 0) {
                order[k++] = i;
            }
        }
        for (int step = 0; step < n; step++) {
            if (!process(order[step])) {
                return false;
            }
        }
        return true;
    }

    private boolean process(int i) {
        int f = findex[i];
        if (f >= 0) {
            double normalImpulse = x[f];
            double bound = normalImpulse == 0 ? 0 : Math.abs(hi[i] * normalImpulse);
            hi[i] = bound;
            lo[i] = -bound;
        }
        final double loI = lo[i];
        final double hiI = hi[i];
        // w_i = A_i·x − b_i over the rows processed so far (the others have x = 0)
        double wi = -b[i];
        int row = i * n;
        for (int j = 0; j < n; j++) {
            if (state[j] != UNPROCESSED) {
                wi += a[row + j] * x[j];
            }
        }
        w[i] = wi;
        if (loI == 0 && wi >= 0) {
            state[i] = AT_LO;
            return true;
        }
        if (hiI == 0 && wi <= 0) {
            state[i] = AT_HI;
            return true;
        }
        if (wi == 0) {
            return addToC(i);
        }
        for (int pivot = 0; pivot < MAX_PIVOTS_PER_ROW; pivot++) {
            wi = w[i];
            double dir = wi <= 0 ? 1 : -1;
            directionInC(i, dir);
            double dwi = dir * a[i * n + i] + rowTimesP(i);
            double xi = x[i];
            double s = -wi / dwi;
            int cmd = 1;
            int si = i;
            if (dir > 0) {
                if (hiI < Double.POSITIVE_INFINITY && hiI - xi < s) {
                    s = hiI - xi;
                    cmd = 3;
                }
            } else if (loI > Double.NEGATIVE_INFINITY && xi - loI < s) {
                s = xi - loI;
                cmd = 2;
            }
            // N rows whose w would cross zero
            for (int j = 0; j < n; j++) {
                int st = state[j];
                if (st != AT_LO && st != AT_HI) {
                    continue;
                }
                double qj = a[j * n + i] * dir + rowTimesP(j);
                q[j] = qj;
                if (lo[j] == 0 && hi[j] == 0) {
                    continue;
                }
                if (st == AT_LO ? qj < 0 : qj > 0) {
                    double s2 = -w[j] / qj;
                    if (s2 < s) {
                        s = s2;
                        cmd = 4;
                        si = j;
                    }
                }
            }
            // C unknowns that would leave their box
            for (int c = 0; c < cCount; c++) {
                int j = cIndex[c];
                double pj = p[c];
                double xj = x[j];
                double loJ = lo[j];
                double hiJ = hi[j];
                if (pj < 0 && loJ > Double.NEGATIVE_INFINITY) {
                    double s2 = (loJ - xj) / pj;
                    if (s2 < s) {
                        s = s2;
                        cmd = 5;
                        si = j;
                    }
                } else if (pj > 0 && hiJ < Double.POSITIVE_INFINITY) {
                    double s2 = (hiJ - xj) / pj;
                    if (s2 < s) {
                        s = s2;
                        cmd = 6;
                        si = j;
                    }
                }
            }
            if (!(s > 0)) {
                return false;
            }
            // take the step
            for (int c = 0; c < cCount; c++) {
                x[cIndex[c]] += s * p[c];
            }
            x[i] = xi + s * dir;
            for (int j = 0; j < n; j++) {
                int st = state[j];
                if (st == AT_LO || st == AT_HI) {
                    w[j] += s * q[j];
                }
            }
            w[i] = wi + s * dwi;
            switch (cmd) {
                case 1 -> {
                    w[i] = 0;
                    return addToCFromDirection(i);
                }
                case 2 -> {
                    x[i] = loI;
                    state[i] = AT_LO;
                    return true;
                }
                case 3 -> {
                    x[i] = hiI;
                    state[i] = AT_HI;
                    return true;
                }
                case 4 -> {
                    w[si] = 0;
                    if (!addToC(si)) {
                        return false;
                    }
                }
                case 5 -> {
                    x[si] = lo[si];
                    removeFromC(si, AT_LO);
                }
                default -> {
                    x[si] = hi[si];
                    removeFromC(si, AT_HI);
                }
            }
            if (!factorC()) {
                return false;
            }
        }
        return false;
    }

    /**
     * p_C = −dir·A_CC⁻¹·A_Ci by the Cholesky factor: y = L⁻¹·A_Ci (kept in {@link #ell}), then
     * Lᵀ·z = y by rows of L (each row read contiguously, an axpy the JIT vectorises, instead of
     * walking a column of the row-major factor).
     */
    private void directionInC(int i, double dir) {
        final int cc = cCount;
        // A_Ci read as row i (A is symmetric): one cache-friendly row instead of a column
        int row = i * n;
        for (int c = 0; c < cc; c++) {
            ell[c] = a[row + cIndex[c]];
        }
        forwardSolve(ell, 0, cc);
        System.arraycopy(ell, 0, p, 0, cc);
        for (int r = cc - 1; r >= 0; r--) {
            int lr = r * n;
            double zr = p[r] / chol[lr + r];
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
            v[from + r] = (v[from + r] - dot(chol, lr, v, from, r)) / chol[lr + r];
        }
    }

    /**
     * Σ u[uFrom+k]·v[vFrom+k] over k &lt; count, in four interleaved partial sums: one running sum is
     * bound by the latency of each addition; four keep the floating-point unit busy.
     */
    private static double dot(double[] u, int uFrom, double[] v, int vFrom, int count) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < count; k += 4) {
            s0 += u[uFrom + k] * v[vFrom + k];
            s1 += u[uFrom + k + 1] * v[vFrom + k + 1];
            s2 += u[uFrom + k + 2] * v[vFrom + k + 2];
            s3 += u[uFrom + k + 3] * v[vFrom + k + 3];
        }
        for (; k < count; k++) {
            s0 += u[uFrom + k] * v[vFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_c A(j, C_c)·p_c. */
    private double rowTimesP(int j) {
        double sum = 0;
        int row = j * n;
        for (int c = 0; c < cCount; c++) {
            sum += a[row + cIndex[c]] * p[c];
        }
        return sum;
    }

    /** Appends i to C and extends the Cholesky factor by one row; false if A_CC stops being positive definite. */
    private boolean addToC(int i) {
        cIndex[cCount] = i;
        state[i] = IN_C;
        cCount++;
        return factorRow(cCount - 1);
    }

    /**
     * {@link #addToC} right after {@link #directionInC}{@code (i, …)} with C unchanged: the new factor
     * row is the {@link #ell} already solved (the same arithmetic as {@link #factorRow}, so the same
     * bits), leaving only its diagonal.
     */
    private boolean addToCFromDirection(int i) {
        int r = cCount;
        int lr = r * n;
        System.arraycopy(ell, 0, chol, lr, r);
        cIndex[r] = i;
        state[i] = IN_C;
        cCount++;
        return finishRow(r, i);
    }

    /**
     * Removes j from C. Factor rows before j's position depend only on the indices before it, which
     * keep their order, so only the rows from that position on are recomputed ({@link #factorC}),
     * with the same bits a full refactorisation would give.
     */
    private void removeFromC(int j, int newState) {
        int kept = 0;
        for (int c = 0; c < cCount; c++) {
            int idx = cIndex[c];
            if (idx != j) {
                cIndex[kept++] = idx;
            } else {
                refactorFrom = Math.min(refactorFrom, c);
            }
        }
        cCount = kept;
        state[j] = newState;
    }

    private boolean factorC() {
        int from = refactorFrom;
        refactorFrom = NO_REFACTOR;
        for (int r = from; r < cCount; r++) {
            if (!factorRow(r)) {
                return false;
            }
        }
        return true;
    }

    /** Row r of L from rows 0..r−1: L_rc = (A_rc − Σ L_rk·L_ck)/L_cc, L_rr = √(A_rr − Σ L_rk²). */
    private boolean factorRow(int r) {
        int ir = cIndex[r];
        int lr = r * n;
        int row = ir * n;
        for (int c = 0; c < r; c++) {
            chol[lr + c] = a[row + cIndex[c]];
        }
        forwardSolve(chol, lr, r);
        return finishRow(r, ir);
    }

    /** The diagonal of factor row r (row ir of A) once its off-diagonal part is in place. */
    private boolean finishRow(int r, int ir) {
        int lr = r * n;
        double d = a[ir * n + ir] - dot(chol, lr, chol, lr, r);
        if (!(d > 0)) {
            return false;
        }
        chol[lr + r] = Math.sqrt(d);
        return true;
    }
}
