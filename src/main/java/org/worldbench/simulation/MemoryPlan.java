package org.worldbench.simulation;

import org.worldbench.dynamics.StateStorage;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.memory.MemoryManager;

/**
 * The one place that turns an {@link Allocation} into allocators: where a skeleton's block lives
 * and which frame allocator the constraint solver gets. The World asks; it never switches on the
 * configuration itself.
 */
final class MemoryPlan {

    private final Allocation allocation;
    private final MemoryManager manager;
    private final MemoryAllocator base;

    MemoryPlan(Allocation allocation, MemoryManager manager, MemoryAllocator base) {
        this.allocation = allocation;
        this.manager = manager;
        this.base = base;
    }

    /** A home for the skeleton named {@code skeletonName}; the caller releases it when the skeleton leaves. */
    SkeletonHome homeFor(String skeletonName) {
        return switch (allocation) {
            case HEAP -> new SkeletonHome(StateStorage.HEAP, MemoryAllocator.defaultAllocator(), null);
            case HIERARCHICAL -> new SkeletonHome(StateStorage.OFF_HEAP, manager.getFreeListAllocator(), null);
            case INLINE -> {
                InlineAllocators own = InlineAllocators.create(base, manager.owner() + "/" + skeletonName,
                        manager.isDebug(), manager.options().captureAllocationSites());
                yield new SkeletonHome(StateStorage.OFF_HEAP, own.freeList(), own);
            }
        };
    }

    /**
     * The frame allocator for the constraint solver's per-step data: the manager's (borrowed) in
     * HIERARCHICAL, a new one on the base in INLINE (the caller owns and closes it), none in HEAP.
     * Debug-wrapped in debug mode, like every other allocator of the World.
     */
    FrameAllocator solverFrame() {
        return switch (allocation) {
            case HEAP -> null;
            case HIERARCHICAL -> manager.getFrameAllocator();
            case INLINE -> {
                FrameAllocator own = Allocators.frame(base, manager.options().frameCapacity(),
                        "frame(" + manager.owner() + "/solver)");
                yield manager.isDebug() ? Allocators.debugFrame(own) : own;
            }
        };
    }

    /** Whether {@link #solverFrame()} hands out a frame the World must close itself. */
    boolean ownsSolverFrame() {
        return allocation == Allocation.INLINE;
    }
}
