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
     * order. Heapsort in place rather than {@code Arrays.sort}: on JDK 25 the JDK's quicksort returns
     * each partition's bounds in a new {@code int[2]}, 24 bytes of heap per step that escape analysis
     * does not always remove. The keys are distinct, so the result is the same.
     */
    public void sort() {
        long[] a = pairs;
        int n = size;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            long top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end);
        }
    }

    /** Restores the max-heap below {@code i} in {@code a[0, n)}. */
    private static void siftDown(long[] a, int i, int n) {
        long v = a[i];
        int child;
        while ((child = 2 * i + 1) < n) {
            if (child + 1 < n && a[child + 1] > a[child]) {
                child++;
            }
            if (a[child] <= v) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = v;
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
