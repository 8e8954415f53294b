package org.worldbench.constraint;

/** Random matrices for the LCP solver tests. */
final class RandomLcps {

    private RandomLcps() {
    }

    /**
     * B·Bᵀ / n + diagonal·I for the n × n row-major {@code b}: symmetric, and positive definite for a
     * positive diagonal. Both triangles get the same sums, so it is exactly symmetric.
     */
    static double[] gramPlusDiagonal(double[] b, int n, double diagonal) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = v / n + (i == j ? diagonal : 0);
                a[j * n + i] = a[i * n + j];
            }
        }
        return a;
    }
}
