package org.worldbench.simulation;

import org.worldbench.dynamics.StateStorage;
import org.worldbench.memory.MemoryAllocator;

/**
 * Where one skeleton's body block lives while it belongs to a World: the storage, the allocator it
 * borrows, and the allocators it owns for that purpose ({@link Allocation#INLINE} only, else null).
 */
record SkeletonHome(StateStorage storage, MemoryAllocator allocator, InlineAllocators owned) {

    /** Closes what the skeleton owned; its block must already be gone from {@link #allocator()}. */
    void release() {
        if (owned != null) {
            owned.close();
        }
    }
}
