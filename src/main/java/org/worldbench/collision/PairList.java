package org.worldbench.collision;

import java.util.Arrays;

/**
 * Candidate shape pairs from a broad phase, each an ordered pair (a &lt; b) packed into one long
 * ({@code a << 32 | b}), so sorting the longs sorts the pairs. Grows only when a step finds more pairs
 * than any step before; otherwise reused without allocation.
 */
public final class PairList {

    private long[] pairs = new long[64];
    private int size;

    public void clear() {
        size = 0;
    }

    /** Adds the pair {i, j} (i ≠ j), stored with the smaller index first. */
    public void add(int i, int j) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, 2 * size);
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        pairs[size++] = ((long) a << 32) | b;
    }

    /** Sorts by (a, b): brute force emits this order, so every broad phase hands pairs on in the same order. */
    public void sort() {
        Arrays.sort(pairs, 0, size);
    }

    public int size() {
        return size;
    }

    public int first(int k) {
        return (int) (pairs[k] >>> 32);
    }

    public int second(int k) {
        return (int) pairs[k];
    }

    /** The packed pair k ({@code a << 32 | b}). */
    public long packed(int k) {
        return pairs[k];
    }
}
