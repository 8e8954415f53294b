package org.worldbench.workload;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three allocation configurations every workload runs under (issue 5's {@code WorldConfig}):
 * where a skeleton's per-body state lives and which allocator it borrows.
 */
public enum Allocation {
    /** No custom allocator: state in Java arrays, owned by the garbage collector. */
    HEAP,
    /** Each skeleton owns a free list of its own on the default base (the design the hierarchy replaced). */
    INLINE,
    /** Skeletons borrow the free list of one shared {@link org.worldbench.memory.MemoryManager}. */
    HIERARCHICAL;

    /**
     * Parses a benchmark's {@code allocation} parameter ("HEAP", "inline", …).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Allocation parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("allocation must be one of " + Arrays.toString(values()) + ", got '"
                    + value + "'", e);
        }
    }
}
