package org.worldbench.constraint;

/** The dot product the LCP solvers' triangular solves and factorizations are built on. */
final class DenseDot {

    private DenseDot() {
    }

    /**
     * Σ u[uFrom+k]·v[vFrom+k] over k &lt; count, in four interleaved partial sums: one running sum is
     * bound by the latency of each addition; four keep the floating-point unit busy. The summation
     * order is fixed, so the result does not depend on how the JIT compiles it.
     */
    static double dot(double[] u, int uFrom, double[] v, int vFrom, int count) {
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
}
