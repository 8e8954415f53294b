package org.worldbench.constraint;

/**
 * A boxed LCP in ODE's form, stored in a {@link Workspace}: find x with lo ≤ x ≤ hi and
 * w = A·x − b such that for each i either x_i = lo_i and w_i ≥ 0, or x_i = hi_i and w_i ≤ 0, or
 * lo_i &lt; x_i &lt; hi_i and w_i = 0.
 *
 * <p>Friction rows: where {@code findex[i] ≥ 0}, the bounds are scaled by the impulse of row
 * {@code findex[i]} (its normal): the effective bounds are ±|hi_i · x_findex|, so lo/hi hold the
 * friction coefficient. A is n × n row-major; {@code findex} holds row numbers as doubles (−1: none).
 *
 * <p>Mutable and reused: {@link #allocate} points it at fresh blocks, so a step creates no objects.
 */
final class BoxedLcp {

    /** Rows. */
    int n;
    /** Addresses in the workspace: A (n·n), x, b, lo, hi, findex (n each). */
    long a;
    long x;
    long b;
    long lo;
    long hi;
    long findex;

    /**
     * Points this problem at a fresh block of n rows: A, x, b, lo, hi zero; findex −1. The arrays lie
     * back to back in that order in one block, so allocating a problem is one bulk operation
     * instead of six, and x, b, lo, hi (what a solver may change, with b) are adjacent.
     */
    BoxedLcp allocate(Workspace ws, int rows) {
        n = rows;
        a = ws.alloc(size(rows));
        x = a + (long) rows * rows;
        b = x + rows;
        lo = b + rows;
        hi = lo + rows;
        findex = hi + rows;
        for (int done = 0; done < rows; done += NO_FINDEX.length) {
            ws.copyIn(NO_FINDEX, 0, findex + done, Math.min(NO_FINDEX.length, rows - done));
        }
        return this;
    }

    private static int size(int rows) {
        return rows * rows + 5 * rows;
    }

    /** Source of the −1s {@link #allocate} copies into findex. */
    private static final double[] NO_FINDEX = filled(256, -1);

    private static double[] filled(int length, double value) {
        double[] v = new double[length];
        java.util.Arrays.fill(v, value);
        return v;
    }

    double a(Workspace ws, int i, int j) {
        return ws.get(a + (long) i * n + j);
    }
}
