package org.worldbench.constraint;

import java.util.Arrays;
import java.util.List;

import org.worldbench.dynamics.MassMatrix;
import org.worldbench.dynamics.Skeleton;

/**
 * One island's Delassus matrix A = J·M⁻¹·Jᵀ from per-skeleton blocks, and the velocity change
 * M⁻¹·Jᵀ·λ of its solution.
 *
 * <p>An <em>entry</em> is one LCP row's generalized Jacobian g (1 × dofs) on one skeleton: a
 * contact row has an entry per mobile side, a joint-limit row one entry (sign·e_dof). M is block
 * diagonal over skeletons, so A[i][j] = Σ_S g_iS·M_S⁻¹·g_jSᵀ sums over the skeletons both rows
 * touch, and is zero for rows that share none. Per skeleton: M_S = L·Lᵀ (CRBA + Cholesky, once per
 * island), y_e = L⁻¹·g_eᵀ for each of its entries (one forward substitution), then
 * A[row a][row b] += y_a·y_b for each pair of its entries. A stack's box touches about 8 contacts
 * (24 rows), so a column costs a few dozen 6-term dot products instead of a scan of every contact
 * of the island. Both triangles receive the same sums in the same order, so A is exactly symmetric
 * (Dantzig's Cholesky relies on it).
 *
 * <p>The impulse: Δdq_S = M_S⁻¹·Σ_e g_eᵀ·λ_row(e) = L⁻ᵀ·Σ_e λ_row(e)·y_e, one backward
 * substitution per skeleton with the factor already at hand. DART applies the impulses to the
 * bodies and runs impulse forward dynamics (an articulated-body pass); the quantity is the same,
 * the rounding differs.
 *
 * <p>Memory: solver scratch in plain arrays, grown on demand and reused, so a steady-state island
 * allocates nothing (like {@link DantzigLcpSolver}'s arrays); the LCP itself is copied into the
 * workspace in one bulk copy.
 */
final class DelassusAssembler {

    private static final int NOT_IN_ISLAND = -1;

    private int rows;
    /** A, rows × rows row-major. */
    private double[] a = new double[0];

    private int entryCount;
    private int[] entryRow = new int[0];
    private int[] entrySkeleton = new int[0];
    /** Where entry e's g (then y = L⁻¹·gᵀ) starts in {@link #values}. */
    private int[] entryOffset = new int[0];
    private double[] values = new double[0];
    private int valuesUsed;

    /** Per skeleton number: its index among this island's skeletons, or {@link #NOT_IN_ISLAND}. */
    private int[] localIndex = new int[0];
    private int localCount;
    /** Per island skeleton: its skeleton number, first position in {@link #grouped}, factor offset. */
    private int[] islandSkeleton = new int[0];
    private int[] groupStart = new int[1];
    private int[] factorOffset = new int[0];
    /** Entries ordered by island skeleton (entry order within one skeleton). */
    private int[] grouped = new int[0];
    /** Cholesky factors L of the island's mass matrices, row-major dofs × dofs each. */
    private double[] factors = new double[0];
    /** One skeleton's Σ λ·y, then Δdq (dofs). */
    private double[] delta = new double[0];

    /** Starts an island of {@code rowCount} LCP rows among {@code skeletonCount} skeletons. */
    void begin(int rowCount, int skeletonCount) {
        rows = rowCount;
        entryCount = 0;
        valuesUsed = 0;
        if (a.length < rowCount * rowCount) {
            a = new double[Math.max(rowCount * rowCount, 2 * a.length)];
        }
        if (localIndex.length < skeletonCount) {
            localIndex = new int[skeletonCount];
            Arrays.fill(localIndex, NOT_IN_ISLAND);
        }
    }

    /**
     * Adds an entry for LCP row {@code row} on skeleton number {@code skeleton} ({@code dofs} dofs)
     * and returns where its g goes in {@link #values()}: the caller writes all of g[0..dofs) there
     * (the slot is not cleared: a contact row writes every dof anyway).
     */
    int addEntry(int row, int skeleton, int dofs) {
        if (entryCount == entryRow.length) {
            int m = Math.max(16, 2 * entryCount);
            entryRow = Arrays.copyOf(entryRow, m);
            entrySkeleton = Arrays.copyOf(entrySkeleton, m);
            entryOffset = Arrays.copyOf(entryOffset, m);
        }
        if (valuesUsed + dofs > values.length) {
            values = Arrays.copyOf(values, Math.max(valuesUsed + dofs, 2 * values.length));
        }
        int offset = valuesUsed;
        entryRow[entryCount] = row;
        entrySkeleton[entryCount] = skeleton;
        entryOffset[entryCount] = offset;
        entryCount++;
        valuesUsed += dofs;
        return offset;
    }

    /** The entries' g values (valid until the next {@link #addEntry}, which may grow the array). */
    double[] values() {
        return values;
    }

    /** A of the island after {@link #assemble} (rows × rows, row-major; the array may be longer). */
    double[] matrix() {
        return a;
    }

    /** Fills A from the entries: per skeleton one factor, one forward solve per entry, a dot per pair. */
    void assemble(List<Skeleton> skeletons) {
        Arrays.fill(a, 0, rows * rows, 0.0);
        groupBySkeleton(skeletons);
        for (int k = 0; k < localCount; k++) {
            Skeleton s = skeletons.get(islandSkeleton[k]);
            int n = s.dofCount();
            int l = factorOffset[k];
            factorMassMatrix(s, l);
            int from = groupStart[k];
            int to = groupStart[k + 1];
            for (int g = from; g < to; g++) {
                forwardSolve(l, n, entryOffset[grouped[g]]);
            }
            for (int g = from; g < to; g++) {
                int ea = grouped[g];
                int ra = entryRow[ea] * rows;
                int ya = entryOffset[ea];
                a[ra + entryRow[ea]] += dot(ya, ya, n);
                for (int h = g + 1; h < to; h++) {
                    int eb = grouped[h];
                    double v = dot(ya, entryOffset[eb], n);
                    a[ra + entryRow[eb]] += v;
                    a[entryRow[eb] * rows + entryRow[ea]] += v;
                }
            }
        }
    }

    /** dq_S += M_S⁻¹·Σ_e g_eᵀ·x[row(e)] for every skeleton of the island (after {@link #assemble}). */
    void applyImpulses(List<Skeleton> skeletons, double[] x) {
        for (int k = 0; k < localCount; k++) {
            Skeleton s = skeletons.get(islandSkeleton[k]);
            int n = s.dofCount();
            Arrays.fill(delta, 0, n, 0.0);
            for (int g = groupStart[k]; g < groupStart[k + 1]; g++) {
                int e = grouped[g];
                double lambda = x[entryRow[e]];
                int y = entryOffset[e];
                for (int q = 0; q < n; q++) {
                    delta[q] += lambda * values[y + q];
                }
            }
            backwardSolve(factorOffset[k], n);
            for (int q = 0; q < n; q++) {
                s.setVelocity(q, s.velocity(q) + delta[q]);
            }
        }
    }

    /** Numbers the island's skeletons in order of first entry and sorts the entries by them (counting sort). */
    private void groupBySkeleton(List<Skeleton> skeletons) {
        localCount = 0;
        for (int e = 0; e < entryCount; e++) {
            int s = entrySkeleton[e];
            if (localIndex[s] == NOT_IN_ISLAND) {
                if (localCount == islandSkeleton.length) {
                    int m = Math.max(8, 2 * localCount);
                    islandSkeleton = Arrays.copyOf(islandSkeleton, m);
                    groupStart = Arrays.copyOf(groupStart, m + 1);
                    factorOffset = Arrays.copyOf(factorOffset, m);
                }
                localIndex[s] = localCount;
                islandSkeleton[localCount++] = s;
            }
        }
        Arrays.fill(groupStart, 0, localCount + 1, 0);
        for (int e = 0; e < entryCount; e++) {
            groupStart[localIndex[entrySkeleton[e]] + 1]++;
        }
        int factorSize = 0;
        int maxDofs = 0;
        for (int k = 0; k < localCount; k++) {
            groupStart[k + 1] += groupStart[k];
            int n = skeletons.get(islandSkeleton[k]).dofCount();
            factorOffset[k] = factorSize;
            factorSize += n * n;
            maxDofs = Math.max(maxDofs, n);
        }
        if (grouped.length < entryCount) {
            grouped = new int[Math.max(entryCount, 2 * grouped.length)];
        }
        if (factors.length < factorSize) {
            factors = new double[Math.max(factorSize, 2 * factors.length)];
        }
        if (delta.length < maxDofs) {
            delta = new double[maxDofs];
        }
        for (int e = 0; e < entryCount; e++) {
            int k = localIndex[entrySkeleton[e]];
            grouped[groupStart[k]++] = e;
        }
        // the fill advanced each start to the end of its group, which is the next group's start: shift back
        for (int k = localCount; k > 0; k--) {
            groupStart[k] = groupStart[k - 1];
        }
        groupStart[0] = 0;
        for (int k = 0; k < localCount; k++) {
            localIndex[islandSkeleton[k]] = NOT_IN_ISLAND;
        }
    }

    /** L (at {@code factors[l..]}, row-major n × n) with M = L·Lᵀ for the current positions. */
    private void factorMassMatrix(Skeleton s, int l) {
        int n = s.dofCount();
        MassMatrix.compute(s);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = s.massMatrix(i, j);
                for (int k = 0; k < j; k++) {
                    v -= factors[l + i * n + k] * factors[l + j * n + k];
                }
                factors[l + i * n + j] = i == j ? Math.sqrt(v) : v / factors[l + j * n + j];
            }
        }
    }

    /** values[y..y+n) ← L⁻¹·values[y..y+n). */
    private void forwardSolve(int l, int n, int y) {
        if (n == FREE_DOFS) {
            forwardSolve6(l, y);
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = values[y + i];
            for (int k = 0; k < i; k++) {
                v -= factors[l + i * n + k] * values[y + k];
            }
            values[y + i] = v / factors[l + i * n + i];
        }
    }

    /** delta[0..n) ← L⁻ᵀ·delta[0..n). */
    private void backwardSolve(int l, int n) {
        for (int i = n - 1; i >= 0; i--) {
            double v = delta[i];
            for (int k = i + 1; k < n; k++) {
                v -= factors[l + k * n + i] * delta[k];
            }
            delta[i] = v / factors[l + i * n + i];
        }
    }

    /**
     * Skeletons of one free body (every contact cube) have 6 dofs: the loops written for a constant
     * count, which the JIT unrolls, with the same operations in the same order as the general ones
     * (so the same bits).
     */
    private static final int FREE_DOFS = 6;

    private void forwardSolve6(int l, int y) {
        final double[] f = factors;
        final double[] v = values;
        for (int i = 0; i < FREE_DOFS; i++) {
            double x = v[y + i];
            final int row = l + i * FREE_DOFS;
            for (int k = 0; k < i; k++) {
                x -= f[row + k] * v[y + k];
            }
            v[y + i] = x / f[row + i];
        }
    }

    private double dot6(int u, int v) {
        final double[] x = values;
        double sum = 0;
        sum += x[u] * x[v];
        sum += x[u + 1] * x[v + 1];
        sum += x[u + 2] * x[v + 2];
        sum += x[u + 3] * x[v + 3];
        sum += x[u + 4] * x[v + 4];
        sum += x[u + 5] * x[v + 5];
        return sum;
    }

    private double dot(int u, int v, int n) {
        if (n == FREE_DOFS) {
            return dot6(u, v);
        }
        double sum = 0;
        for (int q = 0; q < n; q++) {
            sum += values[u + q] * values[v + q];
        }
        return sum;
    }
}
