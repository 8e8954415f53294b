package org.worldbench.benchmark.dynamics;

import org.worldbench.dynamics.StateStorage;

/**
 * The benchmarks' {@code allocation} parameter for a skeleton outside a World: HEAP keeps the
 * per-body state in a Java array, INLINE in one off-heap block from the default allocator.
 * (HIERARCHICAL, a block from the World's allocator hierarchy, comes with the World.)
 */
final class Allocation {

    private Allocation() {
    }

    static StateStorage storage(String allocation) {
        return switch (allocation) {
            case "HEAP" -> StateStorage.HEAP;
            case "INLINE" -> StateStorage.OFF_HEAP;
            default -> throw new IllegalArgumentException("allocation must be HEAP or INLINE here, got " + allocation);
        };
    }
}
