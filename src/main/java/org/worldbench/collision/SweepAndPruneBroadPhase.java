package org.worldbench.collision;

import java.util.Arrays;

/**
 * Sweep and prune along x: shapes sorted by their box's min x; each shape is tested only against the
 * shapes that start before its own box ends. The order is kept from step to step and re-sorted by
 * insertion sort, which is nearly linear when bodies move little (temporal coherence), and allocates
 * nothing once the order array is large enough.
 */
public final class SweepAndPruneBroadPhase implements BroadPhase {

    private int[] order = new int[0];
    private int known;

    @Override
    public void findPairs(double[] aabb, int count, PairList out) {
        out.clear();
        if (count != known) {
            if (order.length < count) {
                order = new int[Math.max(count, 2 * order.length)];
            }
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            known = count;
        }
        insertionSortByMinX(aabb, count);
        for (int k = 0; k < count; k++) {
            int i = order[k];
            double maxX = aabb[6 * i + 3];
            for (int m = k + 1; m < count; m++) {
                int j = order[m];
                if (aabb[6 * j] > maxX) {
                    break;
                }
                if (BroadPhase.overlap(aabb, i, j)) {
                    out.add(i, j);
                }
            }
        }
        out.sort();
    }

    private void insertionSortByMinX(double[] aabb, int count) {
        for (int k = 1; k < count; k++) {
            int v = order[k];
            double key = aabb[6 * v];
            int m = k - 1;
            while (m >= 0 && aabb[6 * order[m]] > key) {
                order[m + 1] = order[m];
                m--;
            }
            order[m + 1] = v;
        }
    }

    @Override
    public String toString() {
        return "SweepAndPruneBroadPhase" + Arrays.toString(Arrays.copyOf(order, known));
    }
}
