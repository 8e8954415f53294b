package org.worldbench.memory;

/**
 * Factories for the allocators, for code that builds its own hierarchy (a Skeleton or a solver
 * outside a World) and for the World's INLINE configuration. The implementations are
 * package-private; {@link MemoryManager} builds the usual hierarchy in one call.
 *
 * <p>Every allocator returned here is single-threaded by contract (one owner at a time); the debug
 * variants are confined to the thread that created them. Each one owns what it reserves from its
 * parent until {@code close()} and never closes that parent (a debug wrapper, though, closes the
 * allocator it wraps).
 */
public final class Allocators {

    private Allocators() {
    }

    /** A first-fit free list with coalescing, reserving 1 MiB chunks (then larger) from {@code base}. */
    public static MemoryAllocator freeList(MemoryAllocator base) {
        return freeList(base, "free-list");
    }

    /** {@link #freeList(MemoryAllocator)} with a name for metrics and error messages. */
    public static MemoryAllocator freeList(MemoryAllocator base, String name) {
        return new FreeListAllocator(base, name);
    }

    /** A size-class pool for blocks up to 1024 bytes over {@code parent} (normally a free list). */
    public static MemoryAllocator pool(MemoryAllocator parent) {
        return pool(parent, "pool");
    }

    /** {@link #pool(MemoryAllocator)} with a name for metrics and error messages. */
    public static MemoryAllocator pool(MemoryAllocator parent, String name) {
        return new PoolAllocator(parent, name);
    }

    /** A frame allocator with a {@value MemoryOptions#DEFAULT_FRAME_CAPACITY}-byte arena from {@code base}. */
    public static FrameAllocator frame(MemoryAllocator base) {
        return frame(base, MemoryOptions.DEFAULT_FRAME_CAPACITY);
    }

    /** A frame allocator whose arena starts at {@code initialCapacity} bytes (at least 64). */
    public static FrameAllocator frame(MemoryAllocator base, long initialCapacity) {
        return frame(base, initialCapacity, "frame");
    }

    /** {@link #frame(MemoryAllocator, long)} with a name for metrics and error messages. */
    public static FrameAllocator frame(MemoryAllocator base, long initialCapacity, String name) {
        return new BumpFrameAllocator(base, initialCapacity, name);
    }

    /**
     * Wraps {@code allocator} in its debug variant, without allocation-site capture. Closing the
     * wrapper closes {@code allocator}. For a frame allocator use {@link #debugFrame}.
     */
    public static MemoryAllocator debug(MemoryAllocator allocator) {
        return debug(allocator, false);
    }

    /**
     * Wraps {@code allocator} in its debug variant; with {@code captureAllocationSites} every
     * allocation records its stack trace, which leak and overrun reports print. Confined to the
     * calling thread. Closing the wrapper closes {@code allocator}.
     */
    public static MemoryAllocator debug(MemoryAllocator allocator, boolean captureAllocationSites) {
        if (allocator instanceof FrameAllocator) {
            throw new IllegalArgumentException(allocator.name()
                    + " is a frame allocator: wrap it with Allocators.debugFrame");
        }
        return new DebugAllocator(allocator, captureAllocationSites, true);
    }

    /** Wraps a frame allocator in its debug variant, confined to the calling thread. */
    public static FrameAllocator debugFrame(FrameAllocator frame) {
        return new DebugFrameAllocator(frame);
    }
}
