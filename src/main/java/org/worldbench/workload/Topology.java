package org.worldbench.workload;

import java.util.Locale;

/**
 * The shape of a synthetic skeleton of N bodies. The three shapes bound the cost of the recursive
 * algorithms: a chain has depth N (the longest dependency chain, DART's benchmark shape), a binary
 * tree depth ⌊log₂N⌋ + 1, a star depth 2 with one hub carrying N − 1 leaves (the widest fan-out).
 */
public enum Topology {
    /** Body i hangs from body i − 1; body 0 from the world. */
    CHAIN,
    /** Body i hangs from body (i − 1) / 2: the first N bodies of a complete binary tree, breadth first. */
    TREE,
    /** Body 0 (the hub) hangs from the world, every other body from the hub. */
    STAR;

    /** The parent index of body {@code i} (−1: the world). */
    public int parentOf(int i) {
        if (i == 0) {
            return -1;
        }
        return switch (this) {
            case CHAIN -> i - 1;
            case TREE -> (i - 1) / 2;
            case STAR -> 0;
        };
    }

    /** Parses "chain", "TREE", "Star" … with an error naming the accepted values. */
    public static Topology parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("shape must be chain, tree or star, got '" + value + "'", e);
        }
    }
}
