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
 * factor in place; the pivoting decisions are the same. Scratch lives in the workspace.
 */
final class DantzigLcpSolver implements BoxedLcpSolver {

    private static final int UNPROCESSED = 0;
    private static final int IN_C = 1;
    private static final int AT_LO = 2;
    private static final int AT_HI = 3;

    /** Pivots allowed per row before giving up (ODE has no cap; this guards against cycling). */
    private static final int MAX_PIVOTS_PER_ROW = 64;

    private Workspace ws;
    private BoxedLcp lcp;
    private int n;
    private long state;
    private long w;
    private long order;
    private long cIndex;
    private int cCount;
    private long chol;
    private long p;
    private long q;

    @Override
    public boolean solve(Workspace workspace, BoxedLcp problem) {
        ws = workspace;
        lcp = problem;
        n = problem.n;
        state = ws.alloc(n);
        w = ws.alloc(n);
        order = ws.alloc(n);
        cIndex = ws.alloc(n);
        chol = ws.alloc(n * n);
        p = ws.alloc(n);
        q = ws.alloc(n);
        cCount = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            ws.set(lcp.x + i, 0);
            if (ws.getInt(lcp.findex + i) < 0) {
                ws.set(order + k++, i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (ws.getInt(lcp.findex + i) >= 0) {
                ws.set(order + k++, i);
            }
        }
        for (int step = 0; step < n; step++) {
            if (!process(ws.getInt(order + step))) {
                return false;
            }
        }
        return true;
    }

    private boolean process(int i) {
        int f = ws.getInt(lcp.findex + i);
        if (f >= 0) {
            double normalImpulse = ws.get(lcp.x + f);
            double bound = normalImpulse == 0 ? 0 : Math.abs(ws.get(lcp.hi + i) * normalImpulse);
            ws.set(lcp.hi + i, bound);
            ws.set(lcp.lo + i, -bound);
        }
        final double lo = ws.get(lcp.lo + i);
        final double hi = ws.get(lcp.hi + i);
        // w_i = A_i·x − b_i over the rows processed so far (the others have x = 0)
        double wi = -ws.get(lcp.b + i);
        long row = lcp.a + (long) i * n;
        for (int j = 0; j < n; j++) {
            if (ws.get(state + j) != UNPROCESSED) {
                wi += ws.get(row + j) * ws.get(lcp.x + j);
            }
        }
        ws.set(w + i, wi);
        if (lo == 0 && wi >= 0) {
            ws.set(state + i, AT_LO);
            return true;
        }
        if (hi == 0 && wi <= 0) {
            ws.set(state + i, AT_HI);
            return true;
        }
        if (wi == 0) {
            return addToC(i);
        }
        for (int pivot = 0; pivot < MAX_PIVOTS_PER_ROW; pivot++) {
            wi = ws.get(w + i);
            double dir = wi <= 0 ? 1 : -1;
            directionInC(i, dir);
            double dwi = dir * lcp.a(ws, i, i) + rowTimesP(i);
            double xi = ws.get(lcp.x + i);
            double s = -wi / dwi;
            int cmd = 1;
            int si = i;
            if (dir > 0) {
                if (hi < Double.POSITIVE_INFINITY && hi - xi < s) {
                    s = hi - xi;
                    cmd = 3;
                }
            } else if (lo > Double.NEGATIVE_INFINITY && xi - lo < s) {
                s = xi - lo;
                cmd = 2;
            }
            // N rows whose w would cross zero
            for (int j = 0; j < n; j++) {
                int st = ws.getInt(state + j);
                if (st != AT_LO && st != AT_HI) {
                    continue;
                }
                double qj = lcp.a(ws, j, i) * dir + rowTimesP(j);
                ws.set(q + j, qj);
                if (ws.get(lcp.lo + j) == 0 && ws.get(lcp.hi + j) == 0) {
                    continue;
                }
                if (st == AT_LO ? qj < 0 : qj > 0) {
                    double s2 = -ws.get(w + j) / qj;
                    if (s2 < s) {
                        s = s2;
                        cmd = 4;
                        si = j;
                    }
                }
            }
            // C unknowns that would leave their box
            for (int c = 0; c < cCount; c++) {
                int j = ws.getInt(cIndex + c);
                double pj = ws.get(p + c);
                double xj = ws.get(lcp.x + j);
                double loJ = ws.get(lcp.lo + j);
                double hiJ = ws.get(lcp.hi + j);
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
                ws.add(lcp.x + ws.getInt(cIndex + c), s * ws.get(p + c));
            }
            ws.set(lcp.x + i, xi + s * dir);
            for (int j = 0; j < n; j++) {
                int st = ws.getInt(state + j);
                if (st == AT_LO || st == AT_HI) {
                    ws.add(w + j, s * ws.get(q + j));
                }
            }
            ws.set(w + i, wi + s * dwi);
            switch (cmd) {
                case 1 -> {
                    ws.set(w + i, 0);
                    return addToC(i);
                }
                case 2 -> {
                    ws.set(lcp.x + i, lo);
                    ws.set(state + i, AT_LO);
                    return true;
                }
                case 3 -> {
                    ws.set(lcp.x + i, hi);
                    ws.set(state + i, AT_HI);
                    return true;
                }
                case 4 -> {
                    ws.set(w + si, 0);
                    if (!addToC(si)) {
                        return false;
                    }
                }
                case 5 -> {
                    ws.set(lcp.x + si, ws.get(lcp.lo + si));
                    removeFromC(si, AT_LO);
                }
                default -> {
                    ws.set(lcp.x + si, ws.get(lcp.hi + si));
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
            ws.set(p + c, lcp.a(ws, ws.getInt(cIndex + c), i));
        }
        // forward: L·y = r
        for (int r = 0; r < cCount; r++) {
            double v = ws.get(p + r);
            long lr = chol + (long) r * n;
            for (int c = 0; c < r; c++) {
                v -= ws.get(lr + c) * ws.get(p + c);
            }
            ws.set(p + r, v / ws.get(lr + r));
        }
        // backward: Lᵀ·z = y
        for (int r = cCount - 1; r >= 0; r--) {
            double v = ws.get(p + r);
            for (int c = r + 1; c < cCount; c++) {
                v -= ws.get(chol + (long) c * n + r) * ws.get(p + c);
            }
            ws.set(p + r, v / ws.get(chol + (long) r * n + r));
        }
        for (int c = 0; c < cCount; c++) {
            ws.set(p + c, -dir * ws.get(p + c));
        }
    }

    /** Σ_c A(j, C_c)·p_c. */
    private double rowTimesP(int j) {
        double sum = 0;
        long row = lcp.a + (long) j * n;
        for (int c = 0; c < cCount; c++) {
            sum += ws.get(row + ws.getInt(cIndex + c)) * ws.get(p + c);
        }
        return sum;
    }

    /** Appends i to C and extends the Cholesky factor by one row; false if A_CC stops being positive definite. */
    private boolean addToC(int i) {
        ws.set(cIndex + cCount, i);
        ws.set(state + i, IN_C);
        cCount++;
        return factorRow(cCount - 1);
    }

    private void removeFromC(int j, int newState) {
        int w2 = 0;
        for (int c = 0; c < cCount; c++) {
            int idx = ws.getInt(cIndex + c);
            if (idx != j) {
                ws.set(cIndex + w2++, idx);
            }
        }
        cCount = w2;
        ws.set(state + j, newState);
        needsRefactor = true;
    }

    private boolean needsRefactor;

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
        int ir = ws.getInt(cIndex + r);
        long lr = chol + (long) r * n;
        for (int c = 0; c < r; c++) {
            double v = lcp.a(ws, ir, ws.getInt(cIndex + c));
            long lc = chol + (long) c * n;
            for (int k = 0; k < c; k++) {
                v -= ws.get(lr + k) * ws.get(lc + k);
            }
            ws.set(lr + c, v / ws.get(lc + c));
        }
        double d = lcp.a(ws, ir, ir);
        for (int k = 0; k < r; k++) {
            double l = ws.get(lr + k);
            d -= l * l;
        }
        if (!(d > 0)) {
            return false;
        }
        ws.set(lr + r, Math.sqrt(d));
        return true;
    }
}
