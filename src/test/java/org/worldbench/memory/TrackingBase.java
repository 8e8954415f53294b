package org.worldbench.memory;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * A base allocator for tests: the default allocator plus its own counters and a record of every
 * live block, so a test can prove that an allocator gave back exactly what it took.
 */
final class TrackingBase implements MemoryAllocator {

    private final Counters counters = new Counters();
    private final Map<Long, Long> live = new HashMap<>();

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        MemorySegment segment = MemoryAllocator.defaultAllocator().allocate(byteSize, byteAlignment);
        live.put(segment.address(), byteSize);
        counters.allocated(byteSize);
        counters.reserved(byteSize);
        return segment;
    }

    @Override
    public void deallocate(MemorySegment segment) {
        Long size = live.remove(segment.address());
        if (size == null || size != segment.byteSize()) {
            throw new AssertionError("base: bad free of " + segment + " (live size " + size + ")");
        }
        MemoryAllocator.defaultAllocator().deallocate(segment);
        counters.freed(size);
        counters.released(size);
    }

    @Override
    public String name() {
        return "tracking-base";
    }

    @Override
    public AllocatorMetrics metrics() {
        return counters;
    }

    long liveBytes() {
        return counters.liveBytes();
    }

    long liveBlocks() {
        return counters.liveBlocks();
    }
}
