package org.worldbench.memory;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The {@link FrameAllocator}: a bump pointer over one arena obtained from the base allocator.
 *
 * <pre>
 *  arena (capacity bytes, 64-aligned)                        overflow (this frame only)
 *  +------+---+--------+----+---------------------------+    +-------+  +--------------+
 *  | blk  |pad| blk    |blk |          free             |    | blk   |  | retired arena|
 *  +------+---+--------+----+---------------------------+    +-------+  +--------------+
 *  0                        ^ used                  capacity   from the base, freed by reset()
 * </pre>
 *
 * Allocation rounds {@code used} up to the alignment and adds the size: a compare and two adds.
 * {@code reset()} frees the overflow list, regrows the arena if the frame overflowed and sets
 * {@code used} back to 0. Lifetime and threading contract: see {@link FrameAllocator}.
 */
final class BumpFrameAllocator implements FrameAllocator {

    /** Slack added when growing so that a frame needing exactly the old size plus a little fits. */
    private static final long GROWTH_SLACK = 256;

    private final MemoryAllocator base;
    private final String name;
    // Per-frame counts only grow until reset(), so the peak and the total allocation count are
    // folded in at reset and on read: an allocation costs two increments, not five updates.
    private long frameBytes;
    private long frameBlocks;
    private long blocksBeforeFrame;
    private long peakFrameBytes;
    private long reservedBytes;
    private final AllocatorMetrics metrics = new AllocatorMetrics() {
        @Override public long liveBytes() { return frameBytes; }
        @Override public long liveBlocks() { return frameBlocks; }
        @Override public long peakBytes() { return Math.max(peakFrameBytes, frameBytes); }
        @Override public long reservedBytes() { return reservedBytes; }
        @Override public long allocationCount() { return blocksBeforeFrame + frameBlocks; }
    };

    private MemorySegment arena;
    private long arenaAddress;
    private long capacity;
    private long used;

    private MemorySegment[] overflow = new MemorySegment[4];
    private int overflowBlocks;
    private long overflowBytes;
    private long overflowCount;
    private long highWaterMark;
    private boolean closed;

    BumpFrameAllocator(MemoryAllocator base, long initialCapacity, String name) {
        if (initialCapacity < ARENA_ALIGNMENT) {
            throw new IllegalArgumentException(name + ": initial capacity must be at least "
                    + ARENA_ALIGNMENT + " bytes: " + initialCapacity);
        }
        this.base = base;
        this.name = name;
        installArena(Alignment.up(initialCapacity, ARENA_ALIGNMENT));
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        long start = Alignment.up(arenaAddress + used, byteAlignment) - arenaAddress;
        long end = start + byteSize;
        if (end <= capacity) {
            used = end;
            frameBytes += byteSize;
            frameBlocks++;
            return arena.asSlice(start, byteSize);
        }
        return allocateOverflow(byteSize, byteAlignment);
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        // One branch for every bad or overflowing request: alignment outside 1..64 or not a power
        // of two (constant-folded for a constant alignment), a negative size, or no room.
        if (Long.compareUnsigned(byteAlignment - 1, ARENA_ALIGNMENT) >= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw badOffsetAlignment(byteAlignment);
        }
        long start = (used + byteAlignment - 1) & -byteAlignment;
        long end = start + byteSize;
        if ((byteSize | (capacity - end)) < 0) {
            Alignment.check(byteSize, byteAlignment); // a negative size throws here
            growNow(end);
        }
        used = end;
        frameBytes += byteSize;
        frameBlocks++;
        return start;
    }

    // Out of line: keeps allocateOffset small enough to inline into the caller.
    private IllegalArgumentException badOffsetAlignment(long byteAlignment) {
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            return new IllegalArgumentException("alignment must be a power of two: " + byteAlignment);
        }
        return new IllegalArgumentException(name + ": allocateOffset alignment " + byteAlignment
                + " exceeds the arena alignment " + ARENA_ALIGNMENT);
    }

    private MemorySegment allocateOverflow(long byteSize, long byteAlignment) {
        checkOpen();
        MemorySegment block = base.allocate(byteSize, byteAlignment);
        keepUntilReset(block);
        overflowBytes += byteSize;
        overflowCount++;
        frameBytes += byteSize;
        frameBlocks++;
        return block;
    }

    /** Moves the arena to one that holds {@code needed} bytes, keeping the bytes in use. */
    private void growNow(long needed) {
        checkOpen();
        overflowCount++;
        MemorySegment old = arena;
        long oldUsed = used;
        long newCapacity = Alignment.up(Math.max(2 * capacity, needed + GROWTH_SLACK), ARENA_ALIGNMENT);
        MemorySegment bigger = base.allocate(newCapacity, ARENA_ALIGNMENT);
        MemorySegment.copy(old, 0, bigger, 0, oldUsed);
        keepUntilReset(old); // segments sliced from it stay valid until the reset
        released(capacity);
        arena = bigger;
        arenaAddress = bigger.address();
        capacity = newCapacity;
        reserved(newCapacity);
    }

    private void keepUntilReset(MemorySegment block) {
        if (overflowBlocks == overflow.length) {
            overflow = Arrays.copyOf(overflow, overflowBlocks * 2);
        }
        overflow[overflowBlocks++] = block;
        reserved(block.byteSize());
    }

    @Override
    public void deallocate(MemorySegment segment) {
        // Frame memory is released by reset(), all at once.
    }

    @Override
    public void reset() {
        long frameBytes = used + overflowBytes;
        if (frameBytes > highWaterMark) {
            highWaterMark = frameBytes;
        }
        boolean overflowedSegments = overflowBytes > 0;
        releaseOverflow();
        if (overflowedSegments) {
            long grown = Math.max(2 * capacity, frameBytes + GROWTH_SLACK);
            base.deallocate(arena);
            released(capacity);
            installArena(Alignment.up(grown, ARENA_ALIGNMENT));
        }
        used = 0;
        overflowBytes = 0;
        endFrameCounts();
    }

    private void endFrameCounts() {
        peakFrameBytes = Math.max(peakFrameBytes, frameBytes);
        blocksBeforeFrame += frameBlocks;
        frameBytes = 0;
        frameBlocks = 0;
    }

    private void reserved(long bytes) {
        reservedBytes += bytes;
    }

    private void released(long bytes) {
        reservedBytes -= bytes;
    }

    private void releaseOverflow() {
        for (int i = 0; i < overflowBlocks; i++) {
            released(overflow[i].byteSize());
            base.deallocate(overflow[i]);
            overflow[i] = null;
        }
        overflowBlocks = 0;
    }

    private void installArena(long newCapacity) {
        arena = base.allocate(newCapacity, ARENA_ALIGNMENT);
        arenaAddress = arena.address();
        capacity = newCapacity;
        reserved(newCapacity);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(name + ": allocator is closed");
        }
    }

    @Override
    public MemorySegment memory() {
        return arena;
    }

    @Override
    public long used() {
        return used;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public long highWaterMark() {
        return Math.max(highWaterMark, used + overflowBytes);
    }

    @Override
    public long overflowCount() {
        return overflowCount;
    }

    @Override
    public boolean canAllocate(long byteSize) {
        return (byteSize | (capacity - used - byteSize)) >= 0;
    }

    @Override
    public boolean owns(MemorySegment segment) {
        if (contains(arena, segment)) {
            return true;
        }
        for (int i = 0; i < overflowBlocks; i++) {
            if (contains(overflow[i], segment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(MemorySegment outer, MemorySegment inner) {
        long start = inner.address() - outer.address();
        return start >= 0 && start + inner.byteSize() <= outer.byteSize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AllocatorMetrics metrics() {
        return metrics;
    }

    /** Frees the arena and any overflow. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseOverflow();
        base.deallocate(arena);
        released(capacity);
        endFrameCounts();
        used = 0;
        capacity = 0;
    }

    @Override
    public String toString() {
        return name + " [used " + used + " of " + capacity + " B, overflows " + overflowCount
                + ", high-water " + highWaterMark() + " B]";
    }
}
