package org.worldbench.memory;

/** Read-only counters of one allocator. Bytes are the sizes requested, not counting padding. */
public interface AllocatorMetrics {

    /** Bytes handed out and not yet freed. */
    long liveBytes();

    /** Blocks handed out and not yet freed. */
    long liveBlocks();

    /** The largest {@link #liveBytes()} ever reached. */
    long peakBytes();

    /** Bytes this allocator holds from its parent (or the OS), used or not. */
    long reservedBytes();

    /** Allocations served since creation. */
    long allocationCount();
}
