package org.worldbench.constraint;

/**
 * Projected Gauss–Seidel, DART's {@code PgsBoxedLcpSolver} with its default options: at most 30
 * sweeps in row order, each row solved for its own unknown and clamped to its box (friction rows to
 * ±μ·x_normal), stopping early once no unknown moved by more than 1e-6 absolute and 1e-3 relative.
 * Always returns an answer; it is the fallback when Dantzig fails.
 */
final class PgsLcpSolver implements BoxedLcpSolver {

    static final int MAX_ITERATIONS = 30;
    static final double DELTA_X_THRESHOLD = 1e-6;
    static final double RELATIVE_DELTA_X_TOLERANCE = 1e-3;
    static final double EPSILON_FOR_DIVISION = 1e-9;

    @Override
    public boolean solve(Workspace ws, BoxedLcp lcp) {
        final int n = lcp.n;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean converged = true;
            for (int i = 0; i < n; i++) {
                double aii = lcp.a(ws, i, i);
                double old = ws.get(lcp.x + i);
                double next;
                if (aii < EPSILON_FOR_DIVISION) {
                    next = 0;
                } else {
                    double sum = ws.get(lcp.b + i);
                    long row = lcp.a + (long) i * n;
                    for (int j = 0; j < n; j++) {
                        if (j != i) {
                            sum -= ws.get(row + j) * ws.get(lcp.x + j);
                        }
                    }
                    next = sum / aii;
                }
                double lo = ws.get(lcp.lo + i);
                double hi = ws.get(lcp.hi + i);
                int f = ws.getInt(lcp.findex + i);
                if (f >= 0) {
                    hi = Math.abs(hi * ws.get(lcp.x + f));
                    lo = -hi;
                }
                if (next < lo) {
                    next = lo;
                } else if (next > hi) {
                    next = hi;
                }
                ws.set(lcp.x + i, next);
                double delta = Math.abs(next - old);
                if (converged && delta > DELTA_X_THRESHOLD
                        && (old == 0 || delta / Math.abs(old) > RELATIVE_DELTA_X_TOLERANCE)) {
                    converged = false;
                }
            }
            if (converged) {
                break;
            }
        }
        return true;
    }
}
