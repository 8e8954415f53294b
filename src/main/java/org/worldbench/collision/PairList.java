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

    /**
     * Sorts by (a, b): brute force emits this order, so every broad phase hands pairs on in the same
     * order. Heap sort in place: {@code Arrays.sort} may allocate run buffers (its merge-runs check),
     * and this runs every step.
     */
    public void sort() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i, size);
        }
        for (int end = size - 1; end > 0; end--) {
            long t = pairs[0];
            pairs[0] = pairs[end];
            pairs[end] = t;
            siftDown(0, end);
        }
    }

    private void siftDown(int i, int n) {
        long v = pairs[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && pairs[child + 1] > pairs[child]) {
                child++;
            }
            if (pairs[child] <= v) {
                break;
            }
            pairs[i] = pairs[child];
            i = child;
        }
        pairs[i] = v;
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
