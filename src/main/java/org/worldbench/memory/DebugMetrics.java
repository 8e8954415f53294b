package org.worldbench.memory;

/**
 * Metrics of a debug wrapper: live bytes, blocks and counts as the caller sees them (without guard
 * bytes), reserved bytes those of the wrapped allocator.
 */
final class DebugMetrics implements AllocatorMetrics {

    private final Counters own;
    private final MemoryAllocator inner;

    DebugMetrics(Counters own, MemoryAllocator inner) {
        this.own = own;
        this.inner = inner;
    }

    @Override public long liveBytes() { return own.liveBytes(); }
    @Override public long liveBlocks() { return own.liveBlocks(); }
    @Override public long peakBytes() { return own.peakBytes(); }
    @Override public long reservedBytes() { return inner.metrics().reservedBytes(); }
    @Override public long allocationCount() { return own.allocationCount(); }
}
