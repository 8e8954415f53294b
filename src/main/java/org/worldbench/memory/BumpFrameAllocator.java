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
    private final Counters counters = new Counters();

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
            counters.allocated(byteSize);
            return arena.asSlice(start, byteSize);
        }
        return allocateOverflow(byteSize, byteAlignment);
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        if (byteAlignment > ARENA_ALIGNMENT) {
            throw new IllegalArgumentException(name + ": allocateOffset alignment " + byteAlignment
                    + " exceeds the arena alignment " + ARENA_ALIGNMENT);
        }
        long start = Alignment.up(used, byteAlignment);
        long end = start + byteSize;
        if (end > capacity) {
            growNow(end);
        }
        used = end;
        counters.allocated(byteSize);
        return start;
    }

    private MemorySegment allocateOverflow(long byteSize, long byteAlignment) {
        checkOpen();
        MemorySegment block = base.allocate(byteSize, byteAlignment);
        keepUntilReset(block);
        overflowBytes += byteSize;
        overflowCount++;
        counters.allocated(byteSize);
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
        counters.released(capacity);
        arena = bigger;
        arenaAddress = bigger.address();
        capacity = newCapacity;
        counters.reserved(newCapacity);
    }

    private void keepUntilReset(MemorySegment block) {
        if (overflowBlocks == overflow.length) {
            overflow = Arrays.copyOf(overflow, overflowBlocks * 2);
        }
        overflow[overflowBlocks++] = block;
        counters.reserved(block.byteSize());
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
            counters.released(capacity);
            installArena(Alignment.up(grown, ARENA_ALIGNMENT));
        }
        used = 0;
        overflowBytes = 0;
        counters.freedAll();
    }

    private void releaseOverflow() {
        for (int i = 0; i < overflowBlocks; i++) {
            counters.released(overflow[i].byteSize());
            base.deallocate(overflow[i]);
            overflow[i] = null;
        }
        overflowBlocks = 0;
    }

    private void installArena(long newCapacity) {
        arena = base.allocate(newCapacity, ARENA_ALIGNMENT);
        arenaAddress = arena.address();
        capacity = newCapacity;
        counters.reserved(newCapacity);
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
        return byteSize >= 0 && used + byteSize <= capacity;
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
        return counters;
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
        counters.released(capacity);
        counters.freedAll();
        used = 0;
        capacity = 0;
    }

    @Override
    public String toString() {
        return name + " [used " + used + " of " + capacity + " B, overflows " + overflowCount
                + ", high-water " + highWaterMark() + " B]";
    }
}
