package org.worldbench.memory;

/**
 * The mutable counters behind an allocator's {@link AllocatorMetrics}. Plain fields: the allocators
 * that use it are single-threaded by contract, and an atomic would cost several nanoseconds per
 * operation on the fast paths.
 */
final class Counters implements AllocatorMetrics {

    // Live blocks are allocations minus frees: one read-modify-write less per operation, which
    // is measurable on paths that take a few nanoseconds.
    private long liveBytes;
    private long freeCount;
    private long peakBytes;
    private long reservedBytes;
    private long allocationCount;

    void allocated(long bytes) {
        allocationCount++;
        long live = liveBytes + bytes;
        liveBytes = live;
        if (live > peakBytes) {
            peakBytes = live;
        }
    }

    void freed(long bytes) {
        freeCount++;
        liveBytes -= bytes;
    }

    /** Forgets every live block at once (a frame reset or a close). */
    void freedAll() {
        freeCount = allocationCount;
        liveBytes = 0;
    }

    void reserved(long bytes) {
        reservedBytes += bytes;
    }

    void released(long bytes) {
        reservedBytes -= bytes;
    }

    @Override public long liveBytes() { return liveBytes; }
    @Override public long liveBlocks() { return allocationCount - freeCount; }
    @Override public long peakBytes() { return peakBytes; }
    @Override public long reservedBytes() { return reservedBytes; }
    @Override public long allocationCount() { return allocationCount; }

    @Override
    public String toString() {
        return "live " + liveBytes + " B in " + liveBlocks() + " blocks, peak " + peakBytes
                + " B, reserved " + reservedBytes + " B, " + allocationCount + " allocations";
    }
}
