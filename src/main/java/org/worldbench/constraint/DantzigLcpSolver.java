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
 * <p>What differs from ODE: A_CC is factored as a Cholesky L·Lᵀ that is extended by one row when an
 * index joins C (O(|C|²)) and refactored from scratch when one leaves, where ODE updates an LDLᵀ
 * factor in place; the pivoting decisions are the same.
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
    private boolean needsRefactor;

    @Override
    public boolean solve(Workspace ws, BoxedLcp problem) {
        n = problem.n;
        ensureCapacity(n);
        for (int k = 0; k < n * n; k++) {
            a[k] = ws.get(problem.a + k);
        }
        for (int i = 0; i < n; i++) {
            b[i] = ws.get(problem.b + i);
            lo[i] = ws.get(problem.lo + i);
            hi[i] = ws.get(problem.hi + i);
            findex[i] = ws.getInt(problem.findex + i);
            x[i] = 0;
            state[i] = UNPROCESSED;
            w[i] = 0;
        }
        boolean solved = solveCopy();
        for (int i = 0; i < n; i++) {
            ws.set(problem.x + i, x[i]);
            ws.set(problem.lo + i, lo[i]);
            ws.set(problem.hi + i, hi[i]);
        }
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
        findex = new int[m];
        state = new int[m];
        order = new int[m];
        cIndex = new int[m];
    }

    private boolean solveCopy() {
        cCount = 0;
        needsRefactor = false;
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
                    return addToC(i);
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

    /** p_C = −dir·A_CC⁻¹·A_Ci (by the Cholesky factor). */
    private void directionInC(int i, double dir) {
        for (int c = 0; c < cCount; c++) {
            p[c] = a[cIndex[c] * n + i];
        }
        // forward: L·y = r
        for (int r = 0; r < cCount; r++) {
            double v = p[r];
            int lr = r * n;
            for (int c = 0; c < r; c++) {
                v -= chol[lr + c] * p[c];
            }
            p[r] = v / chol[lr + r];
        }
        // backward: Lᵀ·z = y
        for (int r = cCount - 1; r >= 0; r--) {
            double v = p[r];
            for (int c = r + 1; c < cCount; c++) {
                v -= chol[c * n + r] * p[c];
            }
            p[r] = v / chol[r * n + r];
        }
        for (int c = 0; c < cCount; c++) {
            p[c] = -dir * p[c];
        }
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

    private void removeFromC(int j, int newState) {
        int kept = 0;
        for (int c = 0; c < cCount; c++) {
            int idx = cIndex[c];
            if (idx != j) {
                cIndex[kept++] = idx;
            }
        }
        cCount = kept;
        state[j] = newState;
        needsRefactor = true;
    }

    private boolean factorC() {
        if (!needsRefactor) {
            return true;
        }
        needsRefactor = false;
        for (int r = 0; r < cCount; r++) {
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
        for (int c = 0; c < r; c++) {
            double v = a[ir * n + cIndex[c]];
            int lc = c * n;
            for (int k = 0; k < c; k++) {
                v -= chol[lr + k] * chol[lc + k];
            }
            chol[lr + c] = v / chol[lc + c];
        }
        double d = a[ir * n + ir];
        for (int k = 0; k < r; k++) {
            double l = chol[lr + k];
            d -= l * l;
        }
        if (!(d > 0)) {
            return false;
        }
        chol[lr + r] = Math.sqrt(d);
        return true;
    }
}
