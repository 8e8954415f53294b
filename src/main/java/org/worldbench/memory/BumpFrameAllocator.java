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
 *  0                        ^ used = capacity - room  capacity   from the base, freed by reset()
 *                           |<---------- room --------->|
 *
 *  cursor (one long):  bit 63 = 0 | bits 40..62: blocks this frame | bits 0..39: room
 * </pre>
 *
 * The cursor holds the room left, not the bytes used, so that {@code canAllocate} is one compare
 * against its low bits and the fast path checks a request without reading the capacity. The
 * arena's capacity is a multiple of 64, so rounding the offset up to an alignment of at most 64 is
 * rounding the room down: one mask of the whole word, which keeps the block count. Allocation then
 * subtracts the size and adds one block; one unsigned compare (size against the room) and one sign
 * test (block count full) guard it, and the offset handed out is {@code capacity - room}. The only
 * field an allocation of an aligned size writes is the cursor. Segment requests aligned to more
 * than the arena's 64 bytes take the out-of-line path, which aligns the address.
 *
 * <p>The metrics are derived on read: live bytes are {@code used} minus the alignment padding
 * (counted only when a request is padded) plus the bytes served as overflow; live blocks are the
 * cursor's block count plus the blocks counted outside it (overflow segments, and counts moved out
 * before the 23-bit field fills). {@code reset()} folds the frame into the totals, frees the
 * overflow list, regrows the arena if the frame overflowed and sets the cursor back to a full
 * room. The arena can grow to just under 1 TiB (the cursor's 40 bits).
 * Lifetime and threading contract: see {@link FrameAllocator}.
 */
final class BumpFrameAllocator implements FrameAllocator {

    /** Slack added when growing so that a frame needing exactly the old size plus a little fits. */
    private static final long GROWTH_SLACK = 256;
    private static final int BLOCKS_SHIFT = 40;
    private static final long ROOM_MASK = (1L << BLOCKS_SHIFT) - 1;
    private static final long ONE_BLOCK = 1L << BLOCKS_SHIFT;
    /** The largest arena: its room fits the cursor's 40 bits. */
    static final long MAX_CAPACITY = ROOM_MASK & -ARENA_ALIGNMENT;

    private final MemoryAllocator base;
    private final String name;

    private MemorySegment arena;
    private long arenaAddress;
    /** Arena size in bytes, a multiple of {@link #ARENA_ALIGNMENT}. */
    private long capacity;
    /** Bytes left in the arena (low bits) and blocks bumped off it this frame (high bits). */
    private long cursor;
    /** Alignment padding in the arena this frame: used minus padding is the bytes handed out. */
    private long paddingBytes;
    /** Blocks of this frame not in the cursor: overflow segments, and counts moved out of a full cursor. */
    private long blocksOutsideCursor;

    private MemorySegment[] overflow = new MemorySegment[4];
    private int overflowBlocks;
    private long overflowBytes;
    private long overflowCount;
    private long highWaterMark;
    private boolean closed;

    // Totals over the finished frames, folded in at reset.
    private long blocksBeforeFrame;
    private long peakFrameBytes;
    private long reservedBytes;
    private final AllocatorMetrics metrics = new AllocatorMetrics() {
        @Override public long liveBytes() { return frameBytes(); }
        @Override public long liveBlocks() { return frameBlocks(); }
        @Override public long peakBytes() { return Math.max(peakFrameBytes, frameBytes()); }
        @Override public long reservedBytes() { return reservedBytes; }
        @Override public long allocationCount() { return blocksBeforeFrame + frameBlocks(); }
    };

    BumpFrameAllocator(MemoryAllocator base, long initialCapacity, String name) {
        if (initialCapacity < ARENA_ALIGNMENT || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(name + ": initial capacity must be between "
                    + ARENA_ALIGNMENT + " and " + MAX_CAPACITY + " bytes: " + initialCapacity);
        }
        this.base = base;
        this.name = name;
        installArena(Alignment.up(initialCapacity, ARENA_ALIGNMENT));
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw badAlignment(byteAlignment); // constant-folded away for a constant alignment
        }
        // Above the arena's alignment the address, not the offset, must be aligned: out of line.
        if (byteAlignment > ARENA_ALIGNMENT) {
            return allocateSlow(byteSize, byteAlignment);
        }
        long room = tryBump(byteSize, byteAlignment);
        return room < 0 ? allocateSlow(byteSize, byteAlignment) : arena.asSlice(capacity - room, byteSize);
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        // Alignment outside 1..64 or not a power of two: constant-folded for a constant alignment.
        if (Long.compareUnsigned(byteAlignment - 1, ARENA_ALIGNMENT) >= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw badOffsetAlignment(byteAlignment);
        }
        long room = tryBump(byteSize, byteAlignment);
        return room < 0 ? allocateOffsetSlow(byteSize, byteAlignment) : capacity - room;
    }

    /**
     * The fast path both allocate methods share: the room before the new block, whose offset is
     * {@code capacity - room}, with the cursor moved past the block; or -1 (nothing changed) when the
     * request is negative, does not fit or the block count is full, for the caller's slow path.
     * {@code byteAlignment} is a power of two ≤ 64. It returns the room, not the offset, because
     * the room is a masked value the JIT knows is never negative, so the caller's {@code < 0} test
     * folds into the checks here; it cannot know that of {@code capacity - room}.
     */
    private long tryBump(long byteSize, long byteAlignment) {
        long cursor = this.cursor;
        long aligned = cursor & -byteAlignment; // room rounded down = offset rounded up; count kept
        long room = aligned & ROOM_MASK;
        long next = aligned - byteSize + ONE_BLOCK;
        if (doesNotFit(byteSize, room, next)) {
            return -1;
        }
        if (aligned != cursor) { // the offset was not aligned: count the padding
            paddingBytes += cursor - aligned;
        }
        this.cursor = next;
        return room;
    }

    /**
     * A negative size, no room in the arena, or a block count about to fill. Unsigned, a negative
     * size is larger than any room, so one compare covers the first two; once the size fits, the
     * room part of {@code next} does not borrow from the count, and {@code next} is negative only if
     * the block count reached the sign bit.
     */
    private static boolean doesNotFit(long byteSize, long room, long next) {
        return Long.compareUnsigned(byteSize, room) > 0 || next < 0;
    }

    // Out of line: keeps the fast paths small enough to inline into the caller.
    private IllegalArgumentException badAlignment(long byteAlignment) {
        return new IllegalArgumentException("alignment must be a power of two: " + byteAlignment);
    }

    private IllegalArgumentException badOffsetAlignment(long byteAlignment) {
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            return badAlignment(byteAlignment);
        }
        return new IllegalArgumentException(name + ": allocateOffset alignment " + byteAlignment
                + " exceeds the arena alignment " + ARENA_ALIGNMENT);
    }

    /** A segment request that was negative, did not fit, or found the cursor's block count full. */
    private MemorySegment allocateSlow(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        checkOpen();
        moveBlockCountOutOfCursor();
        long used = used();
        long start = Alignment.up(arenaAddress + used, byteAlignment) - arenaAddress;
        if (byteSize <= capacity - start) {
            bump(used, start, byteSize);
            return arena.asSlice(start, byteSize);
        }
        MemorySegment block = base.allocate(byteSize, byteAlignment);
        keepUntilReset(block);
        overflowBytes += byteSize;
        overflowCount++;
        blocksOutsideCursor++;
        return block;
    }

    /** An offset request that was negative, did not fit (the arena moves), or found the block count full. */
    private long allocateOffsetSlow(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        checkOpen();
        moveBlockCountOutOfCursor();
        long used = used();
        long start = Alignment.up(used, byteAlignment);
        if (byteSize > capacity - start) {
            if (byteSize > MAX_CAPACITY - start) {
                throw new OutOfMemoryError(name + ": " + byteSize + " bytes at offset " + start
                        + " exceed the largest arena, " + MAX_CAPACITY + " bytes");
            }
            growNow(start + byteSize);
        }
        bump(used, start, byteSize);
        return start;
    }

    private void bump(long used, long start, long byteSize) {
        paddingBytes += start - used;
        cursor += ONE_BLOCK - (start + byteSize - used);
    }

    private void moveBlockCountOutOfCursor() {
        blocksOutsideCursor += cursor >>> BLOCKS_SHIFT;
        cursor &= ROOM_MASK;
    }

    /** Bytes handed out this frame as requested (padding not included), overflow segments included. */
    private long frameBytes() {
        return used() - paddingBytes + overflowBytes;
    }

    private long frameBlocks() {
        return (cursor >>> BLOCKS_SHIFT) + blocksOutsideCursor;
    }

    /** Moves the arena to one that holds {@code needed} bytes, keeping the bytes in use. */
    private void growNow(long needed) {
        checkOpen();
        overflowCount++;
        MemorySegment old = arena;
        long oldUsed = used();
        long newCapacity = grownCapacity(needed);
        MemorySegment bigger = base.allocate(newCapacity, ARENA_ALIGNMENT);
        MemorySegment.copy(old, 0, bigger, 0, oldUsed);
        keepUntilReset(old); // segments sliced from it stay valid until the reset
        released(capacity);
        arena = bigger;
        arenaAddress = bigger.address();
        cursor += newCapacity - capacity; // the same bytes used, more room
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
        long frameNeed = used() + overflowBytes; // padding included: what an arena must hold
        if (frameNeed > highWaterMark) {
            highWaterMark = frameNeed;
        }
        boolean overflowedSegments = overflowBytes > 0;
        endFrameCounts();
        releaseOverflow();
        if (overflowedSegments) {
            long grown = grownCapacity(Math.min(frameNeed, MAX_CAPACITY));
            base.deallocate(arena);
            released(capacity);
            installArena(grown);
        }
    }

    /** {@code max(2 × capacity, needed + slack)}, 64-aligned, at most {@link #MAX_CAPACITY}. */
    private long grownCapacity(long needed) {
        long wanted = Math.max(2 * capacity, needed + GROWTH_SLACK);
        return Alignment.up(Math.min(wanted, MAX_CAPACITY), ARENA_ALIGNMENT);
    }

    /** Folds this frame into the totals and starts an empty one. */
    private void endFrameCounts() {
        peakFrameBytes = Math.max(peakFrameBytes, frameBytes());
        blocksBeforeFrame += frameBlocks();
        cursor = capacity; // all room, no blocks
        paddingBytes = 0;
        blocksOutsideCursor = 0;
        overflowBytes = 0;
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

    /** A new, empty arena for a frame with no blocks in the cursor. */
    private void installArena(long newCapacity) {
        arena = base.allocate(newCapacity, ARENA_ALIGNMENT);
        arenaAddress = arena.address();
        capacity = newCapacity;
        cursor = newCapacity;
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
        return capacity - (cursor & ROOM_MASK);
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public long highWaterMark() {
        return Math.max(highWaterMark, used() + overflowBytes);
    }

    @Override
    public long overflowCount() {
        return overflowCount;
    }

    @Override
    public boolean canAllocate(long byteSize) {
        return Long.compareUnsigned(byteSize, cursor & ROOM_MASK) <= 0; // negative sizes never fit
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
        capacity = 0;
        cursor = 0;
    }

    @Override
    public String toString() {
        return name + " [used " + used() + " of " + capacity + " B, overflows " + overflowCount
                + ", high-water " + highWaterMark() + " B]";
    }
}
