package org.worldbench.dynamics;

/**
 * Where a {@link Skeleton} keeps its per-body numeric state (the {@link BodyNodePool} block).
 *
 * <p>The World's allocation configurations map onto it: {@code HEAP} → {@link #HEAP};
 * {@code INLINE} and {@code HIERARCHICAL} → {@link #OFF_HEAP}, differing only in which
 * {@link org.worldbench.memory.MemoryAllocator} the skeleton borrows. Both storages run the same
 * algorithm code and give bit-identical results.
 */
public enum StateStorage {
    /** One plain Java {@code double[]}; the garbage collector owns it. */
    HEAP,
    /** One off-heap block taken from the skeleton's base allocator, each body record 32-byte aligned. */
    OFF_HEAP
}
