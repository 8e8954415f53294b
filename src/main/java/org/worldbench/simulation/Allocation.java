package org.worldbench.simulation;

/**
 * Where a {@link World} keeps the memory of its components. All three give bit-identical
 * simulation results (same arithmetic in the same order); they differ only in who owns which
 * allocator, which is what the benchmarks compare. See docs/design/hierarchical_allocator.md.
 */
public enum Allocation {

    /**
     * No custom allocators: every skeleton's state lives in a Java {@code double[]} and the
     * constraint solver creates its per-step temporaries on the heap. The World's
     * {@link org.worldbench.memory.MemoryManager} still exists but serves nothing.
     */
    HEAP,

    /**
     * The earlier design: every component owns allocators on the base. Each skeleton owns a free
     * list and a pool and borrows its own free list for its body block (one chunk per skeleton);
     * the solver owns a frame allocator.
     */
    INLINE,

    /**
     * The design the project exists to measure: the World's {@link org.worldbench.memory.MemoryManager}
     * owns a free list, a pool and a frame allocator on the base; each skeleton borrows the
     * manager's free list for its body block and the solver borrows the manager's frame allocator.
     */
    HIERARCHICAL
}
