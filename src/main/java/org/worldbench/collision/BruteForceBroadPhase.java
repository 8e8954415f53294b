package org.worldbench.collision;

/** Tests every pair: O(n²), obviously correct, the reference the faster broad phases are checked against. */
public final class BruteForceBroadPhase implements BroadPhase {

    @Override
    public void findPairs(double[] aabb, int count, PairList out) {
        out.clear();
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (BroadPhase.overlap(aabb, i, j)) {
                    out.add(i, j);
                }
            }
        }
    }
}
