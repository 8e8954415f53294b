package org.worldbench.memory;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link MemoryManager}'s view of the base allocator, which it shares and does not own: blocks
 * allocated through the view are remembered so that {@link #close()} can free the ones still live,
 * and closing the view never closes the base. A free of a block the view did not give out fails.
 *
 * <p>Remembering a block costs a map entry: base allocations are for long-lived, large data
 * (chunks, arenas, per-skeleton buffers), never for per-step paths. Single-threaded.
 */
final class BorrowedAllocator implements MemoryAllocator {

    private final MemoryAllocator base;
    private final String name;
    private final Map<Long, MemorySegment> live = new HashMap<>();
    private final Counters counters = new Counters();

    BorrowedAllocator(MemoryAllocator base, String name) {
        this.base = base;
        this.name = name;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        MemorySegment segment = base.allocate(byteSize, byteAlignment);
        live.put(segment.address(), segment);
        counters.allocated(byteSize);
        counters.reserved(byteSize);
        return segment;
    }

    @Override
    public void deallocate(MemorySegment segment) {
        MemorySegment own = live.get(segment.address());
        if (own == null) {
            throw MemoryMisuseException.of(MemoryMisuseException.Kind.FOREIGN_FREE, name, segment,
                    "this allocator never gave out this segment, or it was already freed");
        }
        if (own.byteSize() != segment.byteSize()) {
            throw MemoryMisuseException.of(MemoryMisuseException.Kind.SIZE_MISMATCH, name, segment,
                    "the block was allocated with " + own.byteSize() + " bytes");
        }
        live.remove(segment.address());
        base.deallocate(own);
        counters.freed(own.byteSize());
        counters.released(own.byteSize());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AllocatorMetrics metrics() {
        return counters;
    }

    /** Frees the blocks still live; the base itself stays open. Idempotent. */
    @Override
    public void close() {
        for (MemorySegment segment : live.values()) {
            base.deallocate(segment);
            counters.freed(segment.byteSize());
            counters.released(segment.byteSize());
        }
        live.clear();
    }
}
