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

    /** Points this problem at fresh blocks of n rows: A, x, b, lo, hi zero; findex −1. */
    BoxedLcp allocate(Workspace ws, int rows) {
        n = rows;
        a = ws.alloc(rows * rows);
        x = ws.alloc(rows);
        b = ws.alloc(rows);
        lo = ws.alloc(rows);
        hi = ws.alloc(rows);
        findex = ws.alloc(rows);
        for (int i = 0; i < rows; i++) {
            ws.set(findex + i, -1);
        }
        return this;
    }

    /** Copies every array of {@code from} (same n) into this problem's blocks. */
    void copyFrom(Workspace ws, BoxedLcp from) {
        ws.copy(from.a, a, n * n);
        ws.copy(from.x, x, n);
        ws.copy(from.b, b, n);
        ws.copy(from.lo, lo, n);
        ws.copy(from.hi, hi, n);
        ws.copy(from.findex, findex, n);
    }

    double a(Workspace ws, int i, int j) {
        return ws.get(a + (long) i * n + j);
    }
}
