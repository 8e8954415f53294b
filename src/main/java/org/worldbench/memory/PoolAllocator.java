package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Size-class pool for small blocks: O(1) allocate and free for requests up to {@value #MAX_POOLED}
 * bytes, everything larger passed to the parent allocator (normally a free list).
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>size class</dt><dd>one of 128 slot sizes, 8, 16, ..., 1024 bytes; class {@code c} holds
 *   slots of {@code 8 (c + 1)} bytes. A request of {@code n} bytes aligned to {@code a} goes to the
 *   smallest class that is at least {@code n} and a multiple of {@code a}; since every block starts
 *   4096-aligned, a slot whose size is a multiple of {@code a} is {@code a}-aligned.</dd>
 *   <dt>block</dt><dd>16 KiB dedicated to one size class, cut into slots on demand.</dd>
 *   <dt>slab</dt><dd>what the pool asks its parent for: a run of blocks (4 at first, doubling up to
 *   64), 4096-aligned. Slabs go back to the parent only on {@link #close()}.</dd>
 * </dl>
 *
 * <h2>Layout</h2>
 * <pre>
 *  slab (from the parent)
 *  +-----------------------+-----------------------+------ ...
 *  | block 0: class 7 (64B) | block 1: class 0 (8B)  |
 *  | slot|slot|slot|...     | s|s|s|s|s|s|...        |
 *  +-----------------------+-----------------------+------ ...
 *
 *  free slot:  +0 address of the next free slot of its class (0 = none)
 * </pre>
 * Each class keeps an intrusive LIFO free list whose links live in the free slots themselves, and
 * a bump range in its newest block for slots never handed out yet. Allocation pops the list or
 * bumps; free pushes. The class of a freed slot comes from its block: the pool remembers the last
 * block it freed into (its start and class), so a free into the same block as the previous one
 * costs a subtraction and a compare. Otherwise the block's entry in an {@code int[]} indexed by
 * block number is found by locating the slab that contains the address (newest first; pools have
 * few slabs), and that block becomes the remembered one. The lookup is also the ownership check:
 * an address in no slab belongs to the parent and is passed on to it.
 *
 * <h2>Contract</h2>
 * Single-threaded: one owner at a time. A pooled segment is valid until freed or until the pool is
 * closed; freed slots are reused at once (LIFO), so a stale segment aliases a new block; the debug
 * variant catches that. Large blocks belong to the parent: the pool does not track them, and a
 * leaked one is reclaimed when the parent closes.
 */
final class PoolAllocator implements MemoryAllocator {

    static final long MAX_POOLED = 1024;
    static final long BLOCK_BYTES = 16 * 1024;
    private static final int CLASS_COUNT = (int) (MAX_POOLED / 8);
    private static final int FIRST_SLAB_BLOCKS = 4;
    private static final int MAX_SLAB_BLOCKS = 64;
    private static final long SLAB_ALIGNMENT = 4096;
    private static final int NO_CLASS = -1;
    private static final int NO_SLAB = -1;
    private static final long NONE = 0;
    /** No address is within a block that starts here (it would wrap around the address space). */
    private static final long NO_BLOCK = -BLOCK_BYTES;
    private static final MemorySegment M = NativeMemory.ALL;

    private final MemoryAllocator parent;
    private final String name;
    private final Counters counters = new Counters();

    private final long[] freeHead = new long[CLASS_COUNT];
    private final long[] bumpNext = new long[CLASS_COUNT];
    private final long[] bumpEnd = new long[CLASS_COUNT];

    private MemorySegment[] slabs = new MemorySegment[4];
    private long[] slabStart = new long[4];
    private long[] slabEnd = new long[4];
    private int[] slabFirstBlock = new int[4];
    private int slabCount;
    private int[] blockClass = new int[0];
    private int blocksInUse;
    private int nextSlabBlocks = FIRST_SLAB_BLOCKS;
    // The block the last free went to: most frees go to the block of the one before.
    private long hotBlockStart = NO_BLOCK;
    private int hotBlockClass;
    private long hotSlotSize;
    private long parentLiveBytes;
    private boolean closed;

    PoolAllocator(MemoryAllocator parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            Alignment.check(byteSize, byteAlignment); // throws; folded away for a constant alignment
        }
        long slotSize = Alignment.up(Math.max(byteSize, 1), Math.max(byteAlignment, 8));
        // One branch for a negative size and for a slot above the largest class.
        if ((byteSize | (MAX_POOLED - slotSize)) < 0) {
            return allocateFromParent(byteSize, byteAlignment);
        }
        int sizeClass = (int) (slotSize >>> 3) - 1;
        long slot = freeHead[sizeClass];
        if (slot != NONE) {
            freeHead[sizeClass] = M.get(JAVA_LONG_UNALIGNED, slot);
        } else {
            slot = bumpSlot(sizeClass, slotSize);
        }
        counters.allocated(byteSize);
        return NativeMemory.slice(slot, byteSize);
    }

    /** A slot never handed out yet, from the class's newest block or a fresh one. */
    private long bumpSlot(int sizeClass, long slotSize) {
        long slot = bumpNext[sizeClass];
        if (slot == NONE || slot + slotSize > bumpEnd[sizeClass]) {
            slot = newBlock(sizeClass, slotSize);
        }
        bumpNext[sizeClass] = slot + slotSize;
        return slot;
    }

    @Override
    public void deallocate(MemorySegment segment) {
        long byteSize = segment.byteSize();
        long slot = segment.address();
        // The same block as the last free: no lookup. Unsigned, so an address below it misses too.
        if (Long.compareUnsigned(slot - hotBlockStart, BLOCK_BYTES) < 0 && byteSize <= hotSlotSize) {
            push(hotBlockClass, slot, byteSize);
        } else if (!freeLookingUp(slot, byteSize)) {
            deallocateToParent(segment);
        }
    }

    private void push(int sizeClass, long slot, long byteSize) {
        M.set(JAVA_LONG_UNALIGNED, slot, freeHead[sizeClass]);
        freeHead[sizeClass] = slot;
        counters.freed(byteSize);
    }

    /**
     * Frees a slot whose block is not the remembered one; that block becomes the remembered one.
     * Returns false, freeing nothing, when the memory is not in this pool (it belongs to the parent).
     * Takes longs, not the segment, so that the caller's segment does not escape on this path.
     */
    private boolean freeLookingUp(long slot, long byteSize) {
        int slab = byteSize > MAX_POOLED ? NO_SLAB : slabOf(slot);
        if (slab == NO_SLAB) {
            return false;
        }
        long blockInSlab = (slot - slabStart[slab]) / BLOCK_BYTES;
        int sizeClass = blockClass[slabFirstBlock[slab] + (int) blockInSlab];
        long slotSize = (sizeClass + 1L) << 3;
        if (byteSize > slotSize || sizeClass == NO_CLASS) {
            throw sizeMismatch(slot, byteSize, slotSize);
        }
        hotBlockStart = slabStart[slab] + blockInSlab * BLOCK_BYTES;
        hotBlockClass = sizeClass;
        hotSlotSize = slotSize;
        push(sizeClass, slot, byteSize);
        return true;
    }

    // Out of line so deallocate stays small enough for the JIT to inline it into the caller.
    private MemoryMisuseException sizeMismatch(long slot, long byteSize, long slotSize) {
        return new MemoryMisuseException(MemoryMisuseException.Kind.SIZE_MISMATCH, name, slot, byteSize,
                "the slot holds at most " + slotSize + " bytes");
    }

    /** The index of the slab holding {@code address}, or NO_SLAB. */
    private int slabOf(long address) {
        for (int i = slabCount - 1; i >= 0; i--) {
            if (address >= slabStart[i] && address < slabEnd[i]) {
                return i;
            }
        }
        return NO_SLAB;
    }

    private MemorySegment allocateFromParent(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        MemorySegment segment = parent.allocate(byteSize, byteAlignment);
        parentLiveBytes += byteSize;
        counters.reserved(byteSize);
        counters.allocated(byteSize);
        return segment;
    }

    private void deallocateToParent(MemorySegment segment) {
        parent.deallocate(segment);
        parentLiveBytes -= segment.byteSize();
        counters.released(segment.byteSize());
        counters.freed(segment.byteSize());
    }

    /** Dedicates a fresh block to a class and returns its first slot. */
    private long newBlock(int sizeClass, long slotSize) {
        if (closed) {
            throw new IllegalStateException(name + ": allocator is closed");
        }
        if (blocksInUse == blockClass.length) {
            addSlab();
        }
        int block = blocksInUse++;
        blockClass[block] = sizeClass;
        int slab = slabCount - 1;
        long start = slabStart[slab] + (block - slabFirstBlock[slab]) * BLOCK_BYTES;
        bumpEnd[sizeClass] = start + BLOCK_BYTES;
        return start;
    }

    private void addSlab() {
        int blocks = nextSlabBlocks;
        nextSlabBlocks = Math.min(nextSlabBlocks * 2, MAX_SLAB_BLOCKS);
        MemorySegment slab = parent.allocate(blocks * BLOCK_BYTES, SLAB_ALIGNMENT);
        if (slabCount == slabs.length) {
            slabs = Arrays.copyOf(slabs, slabCount * 2);
            slabStart = Arrays.copyOf(slabStart, slabCount * 2);
            slabEnd = Arrays.copyOf(slabEnd, slabCount * 2);
            slabFirstBlock = Arrays.copyOf(slabFirstBlock, slabCount * 2);
        }
        slabs[slabCount] = slab;
        slabStart[slabCount] = slab.address();
        slabEnd[slabCount] = slab.address() + slab.byteSize();
        slabFirstBlock[slabCount] = blocksInUse;
        slabCount++;
        int oldLength = blockClass.length;
        blockClass = Arrays.copyOf(blockClass, oldLength + blocks);
        Arrays.fill(blockClass, oldLength, blockClass.length, NO_CLASS);
        counters.reserved(slab.byteSize());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AllocatorMetrics metrics() {
        return counters;
    }

    /** Bytes of live large blocks this pool forwarded to its parent. */
    long parentLiveBytes() {
        return parentLiveBytes;
    }

    /** Returns every slab to the parent; pooled segments become invalid. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < slabCount; i++) {
            counters.released(slabs[i].byteSize());
            parent.deallocate(slabs[i]);
            slabs[i] = null;
        }
        slabCount = 0;
        hotBlockStart = NO_BLOCK;
        hotSlotSize = 0;
        Arrays.fill(freeHead, NONE);
        Arrays.fill(bumpNext, NONE);
        Arrays.fill(bumpEnd, NONE);
        counters.freedAll();
    }

    @Override
    public String toString() {
        return name + " [" + counters + ", " + slabCount + " slabs, " + blocksInUse + " blocks]";
    }
}
