package org.worldbench.collision;

/**
 * Finds the shape pairs whose axis-aligned bounding boxes overlap (touching counts as overlapping,
 * so shapes resting exactly on each other reach the narrow phase).
 *
 * <p>{@code aabb} holds 6 doubles per shape: min x, y, z then max x, y, z (m, world frame). Every
 * implementation returns the same set; {@link BruteForceBroadPhase} is the reference.
 */
public interface BroadPhase {

    /** Clears {@code out}, then adds every overlapping pair among the first {@code count} shapes, sorted. */
    void findPairs(double[] aabb, int count, PairList out);

    /** Whether the boxes of shapes i and j overlap or touch. */
    static boolean overlap(double[] aabb, int i, int j) {
        int a = 6 * i;
        int b = 6 * j;
        return aabb[a] <= aabb[b + 3] && aabb[b] <= aabb[a + 3]
                && aabb[a + 1] <= aabb[b + 4] && aabb[b + 1] <= aabb[a + 4]
                && aabb[a + 2] <= aabb[b + 5] && aabb[b + 2] <= aabb[a + 5];
    }
}
