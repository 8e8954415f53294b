package org.worldbench.dynamics;

import java.lang.ref.Cleaner;
import java.util.Objects;

import org.worldbench.memory.MemoryAllocator;

/**
 * The one contiguous block that holds every per-body record of a {@link Skeleton}
 * (layout: {@link BodyRecord}), in a Java array ({@link StateStorage#HEAP}) or off-heap
 * ({@link StateStorage#OFF_HEAP}).
 *
 * <p>The pool <em>borrows</em> its allocator: the skeleton's base allocator, which is the default
 * allocator until a World gives it its own. The block is created lazily with the first body. It
 * is <em>moved</em> (new block, records copied, old block freed) when the allocator changes and
 * when bodies are added or removed, so the records always sit back to back in body order.
 * Structural changes are rare; the algorithms never resize it.
 *
 * <p>A block taken from the thread-safe default allocator is also registered with a
 * {@link Cleaner}, so a skeleton that is dropped without {@link Skeleton#close()} does not leak
 * native memory. Blocks from other allocators are released only by {@code close()} or by their
 * owner (a World), since those allocators are single-threaded.
 */
public final class BodyNodePool {

    private static final Cleaner CLEANER = Cleaner.create();

    private StateStorage storage;
    private MemoryAllocator allocator;
    private StateBlock block;
    private Cleaner.Cleanable cleanable;
    private int[] offsets = new int[0];
    private int length;

    BodyNodePool(StateStorage storage, MemoryAllocator allocator) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /** Where the block lives: chosen at skeleton construction, changed by {@link #moveTo}. */
    public StateStorage storage() {
        return storage;
    }

    /** The allocator the block is borrowed from (unused in {@link StateStorage#HEAP}). */
    public MemoryAllocator allocator() {
        return allocator;
    }

    /** True once the first body created the block. */
    public boolean isAllocated() {
        return block != null;
    }

    /** Size of the block in bytes (0 before the first body). */
    public long blockBytes() {
        return block == null ? 0 : block.byteSize();
    }

    /** Native address of the block (0 for a heap block or before the first body). */
    public long address() {
        return block == null ? 0 : block.address();
    }

    /** Byte offset of body {@code index}'s record from the start of the block. */
    public long recordByteOffset(int index) {
        return (long) offsets[index] * Double.BYTES;
    }

    /** Number of records. */
    public int recordCount() {
        return offsets.length;
    }

    StateBlock block() {
        return block;
    }

    int offset(int index) {
        return offsets[index];
    }

    /**
     * Lays the records out again for a new list of bodies. {@code oldIndex[i]} is the previous
     * index of new body i, or -1 for a new body (its record starts zeroed). Records that keep their
     * body are copied whole; the old block is freed.
     */
    void relayout(int[] dofCounts, int[] oldIndex) {
        int[] newOffsets = new int[dofCounts.length];
        int total = 0;
        for (int i = 0; i < dofCounts.length; i++) {
            newOffsets[i] = total;
            total += BodyRecord.size(dofCounts[i]);
        }
        StateBlock fresh = total == 0 ? null : newBlock(total);
        if (fresh != null && block != null) {
            for (int i = 0; i < dofCounts.length; i++) {
                int old = oldIndex[i];
                if (old >= 0) {
                    fresh.copyFrom(block, offsets[old], newOffsets[i], BodyRecord.size(dofCounts[i]));
                }
            }
        }
        swap(fresh);
        offsets = newOffsets;
        length = total;
    }

    /**
     * Moves the block to another storage and allocator (the records are copied, the old block is
     * freed). A World does this when a skeleton joins it and when it leaves.
     */
    void moveTo(StateStorage newStorage, MemoryAllocator newAllocator) {
        Objects.requireNonNull(newStorage, "storage");
        Objects.requireNonNull(newAllocator, "allocator");
        boolean sameStorage = newStorage == storage;
        if (sameStorage && (newAllocator == allocator || storage == StateStorage.HEAP)) {
            allocator = newAllocator;
            return;
        }
        storage = newStorage;
        allocator = newAllocator;
        if (block == null) {
            return;
        }
        StateBlock fresh = newBlock(length);
        fresh.copyFrom(block, 0, 0, length);
        swap(fresh);
    }

    /** Frees the block; the pool can be laid out again afterwards. */
    void release() {
        swap(null);
        offsets = new int[0];
        length = 0;
    }

    private StateBlock newBlock(int doubles) {
        return storage == StateStorage.HEAP ? StateBlock.onHeap(doubles) : StateBlock.offHeap(allocator, doubles);
    }

    private void swap(StateBlock fresh) {
        if (cleanable != null) {
            cleanable.clean(); // releases the old block exactly once
            cleanable = null;
        } else if (block != null) {
            block.release();
        }
        block = fresh;
        if (fresh != null && fresh.isOffHeap() && allocator == MemoryAllocator.defaultAllocator()) {
            cleanable = CLEANER.register(this, fresh::release);
        }
    }
}
