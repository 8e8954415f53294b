package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A general-purpose allocator for blocks of any size: first fit over an explicit free list with a
 * cached last-freed block, boundary tags so a freed block merges with free neighbours in O(1),
 * and chunks reserved from a base allocator (1 MiB first, each next one twice the last, up to
 * 64 MiB, or larger when one request needs it). Chunks go back to the base only on {@link #close()}.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>chunk</dt><dd>memory reserved from the base, 4096-aligned; it is cut into blocks and ends
 *   with a 16-byte sentinel tag that is never free, so the "next block" of the last block exists.</dd>
 *   <dt>block</dt><dd>a run of bytes inside a chunk, a multiple of 16 bytes and at least 32, that is
 *   either free or allocated. Every block starts with a 16-byte header; the payload handed to the
 *   caller starts right after it.</dd>
 *   <dt>tag</dt><dd>the header's first long: the block size with two flag bits in its low bits,
 *   {@code FREE} (1) and {@code PREV_FREE} (2, the block just before is free).</dd>
 * </dl>
 *
 * <h2>Layout</h2>
 * <pre>
 *  allocated block                      free block
 *  +0  tag = size | PREV_FREE?          +0       tag = size | FREE | PREV_FREE?
 *  +8  requested size (bytes)           +8       next free block address (0 = none)
 *  +16 payload ...                      +16      previous free block address (0 = none)
 *                                       ...
 *                                       size-8   footer = size (lets the next block find us)
 * </pre>
 * Two free blocks are never adjacent: freeing merges with the next block if its tag says FREE and
 * with the previous one if our PREV_FREE bit is set (its footer gives its size).
 *
 * <h2>Allocation</h2>
 * The request is carved from the <em>tail</em> of the first free block that fits, trying the
 * last-freed block first. Carving from the tail leaves the free block where it is in the list (it
 * only shrinks), and freeing the carved block merges it straight back: an allocate/free pair on a
 * fresh chunk touches a handful of words and no list links. Alignments above 16 (up to
 * {@value #MAX_ALIGNMENT}) move the payload down to an aligned address; the few bytes between the
 * payload's end and the free block's end stay in the allocated block. Freed blocks join the list
 * at its tail, so first fit prefers older, lower blocks and keeps fragmentation low.
 *
 * <h2>Free</h2>
 * The chunk check looks at the chunk of the previous free first (one subtraction and an unsigned
 * compare), then at the others. The freed block merges with a free next block (unlinked) and a free
 * previous block (which stays in the list and grows); otherwise it joins the list.
 *
 * <h2>The churn path</h2>
 * A block carved from the tail of the last-freed block and freed straight back (a scratch buffer,
 * the most common short lifetime) leaves every word as it found it. After each ordinary free the
 * allocator keeps, in fields, the size of the last-freed block and the tag of the block after it.
 * The next allocation, if it fits, carves from them without reading the block; when that block is
 * freed before anything else happens, the free writes those words back from the same fields,
 * unchanged. Any other allocation or free takes the ordinary path, which forgets the fields (the
 * words in memory are the same either way, so nothing else needs to know). Why: on the ordinary
 * path every allocation reads what the free before it wrote (the tags and the footer) and computes
 * the next addresses from it, a chain through memory that sets the pace of a churn; on the churn
 * path nothing read from a block decides an address or a value written.
 *
 * <h2>Contract</h2>
 * Single-threaded: one owner (one World) at a time; hand-offs between threads need a
 * happens-before edge. A segment is valid until it is freed or the allocator is closed; the
 * segments are in the global scope, so use after free is not caught here (the debug variant
 * catches it). A double free (until the memory is handed out again), a free of an address outside
 * every chunk and a free with another size than allocated throw {@link MemoryMisuseException} even
 * in this mode: the checks read words the free reads anyway.
 */
final class FreeListAllocator implements MemoryAllocator {

    static final long MAX_ALIGNMENT = 4096;
    static final long FIRST_CHUNK = 1L << 20;
    static final long MAX_CHUNK_GROWTH = 64L << 20;
    /** Larger requests fail at once: no chunk could hold them, and block arithmetic stays far from overflow. */
    static final long MAX_REQUEST = 1L << 48;

    private static final long HEADER = 16;
    private static final long MIN_BLOCK = 32;
    private static final long FREE = 1;
    private static final long PREV_FREE = 2;
    private static final long SIZE_MASK = ~15L;
    private static final long NONE = 0;
    private static final MemorySegment M = NativeMemory.ALL;

    private final MemoryAllocator base;
    private final String name;
    private final Counters counters = new Counters();

    private MemorySegment[] chunks = new MemorySegment[4];
    private long[] chunkStart = new long[4];
    private long[] chunkEnd = new long[4];
    private int chunkCount;
    private long nextChunkSize = FIRST_CHUNK;

    private long head = NONE;
    private long tail = NONE;
    private long lastFreed = NONE;
    // The churn path's state (see the class comment). lastFreedSize is the size of lastFreed and
    // lastFreedNextTag the tag of the block after it, as they are in memory before any churn carve;
    // a size of 0 says the fields are not valid (a free block is at least MIN_BLOCK). churnBlock is
    // the block the churn path carved and has not seen freed, or NONE.
    private long lastFreedSize;
    private long lastFreedNextTag;
    private long churnBlock = NONE;
    // The chunk of the last free (start, and bytes up to its sentinel), checked before the others.
    private long hotChunkStart;
    private long hotChunkBytes;
    private boolean closed;

    FreeListAllocator(MemoryAllocator base, String name) {
        this.base = base;
        this.name = name;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        return NativeMemory.slice(allocateAddress(byteSize, byteAlignment), byteSize);
    }

    private long allocateAddress(long byteSize, long byteAlignment) {
        // One branch for every bad request (the alignment part folds away when it is a constant):
        // unsigned, so a negative size is "too large" too.
        if (Long.compareUnsigned(byteSize, MAX_REQUEST) > 0 || Long.compareUnsigned(byteAlignment - 1, MAX_ALIGNMENT) >= 0
                || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw badRequest(byteSize, byteAlignment);
        }
        long align = Math.max(byteAlignment, HEADER);
        long payload = Math.max(Alignment.up(byteSize, HEADER), HEADER);
        long address = carveChurn(payload, align);
        if (address == NONE) {
            address = carveOrdinary(payload, align);
        }
        M.set(JAVA_LONG_UNALIGNED, address - 8, byteSize);
        counters.allocated(byteSize);
        return address;
    }

    // Out of line: keeps allocateAddress small.
    private IllegalArgumentException badRequest(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        if (byteAlignment > MAX_ALIGNMENT) {
            return new IllegalArgumentException(name + ": alignment " + byteAlignment
                    + " exceeds the maximum " + MAX_ALIGNMENT);
        }
        throw new OutOfMemoryError(name + ": " + byteSize + " bytes is more than any chunk can hold");
    }

    /**
     * The churn path: carves from the tail of the last-freed block as {@link #carveFrom} does, from
     * the sizes kept in fields; NONE when they are not valid, a churn block is still out, or the
     * front left would be too small to be a block.
     */
    private long carveChurn(long payload, long align) {
        if (churnBlock != NONE) {
            return NONE;
        }
        long block = lastFreed;
        long end = block + lastFreedSize;
        long address = (end - payload) & -align;
        long start = address - HEADER;
        long front = start - block;
        if (front < MIN_BLOCK) { // also when the fields are not valid: size 0 puts the start before the block
            return NONE;
        }
        M.set(JAVA_LONG_UNALIGNED, block, front | FREE);
        M.set(JAVA_LONG_UNALIGNED, start - 8, front);
        M.set(JAVA_LONG_UNALIGNED, start, (end - start) | PREV_FREE);
        M.set(JAVA_LONG_UNALIGNED, end, lastFreedNextTag & ~PREV_FREE);
        churnBlock = start;
        return address;
    }

    /** The ordinary path: first fit, adding a chunk when nothing fits; forgets the churn state. */
    private long carveOrdinary(long payload, long align) {
        lastFreedSize = 0;
        churnBlock = NONE;
        // No check for a closed allocator here: it has no free block, so it gets to addChunk, which refuses.
        long address = carve(payload, align);
        if (address == NONE) {
            addChunk(payload + align + MIN_BLOCK + 2 * HEADER);
            address = carve(payload, align);
        }
        return address;
    }

    /** First fit, last-freed block first; returns the payload address or NONE. */
    private long carve(long payload, long align) {
        if (lastFreed != NONE) {
            long address = carveFrom(lastFreed, payload, align);
            if (address != NONE) {
                return address;
            }
        }
        for (long block = head; block != NONE; block = M.get(JAVA_LONG_UNALIGNED, block + 8)) {
            long address = carveFrom(block, payload, align);
            if (address != NONE) {
                return address;
            }
        }
        return NONE;
    }

    /** Carves {@code payload} bytes from the tail of free block {@code block}, or returns NONE. */
    private long carveFrom(long block, long payload, long align) {
        long tag = M.get(JAVA_LONG_UNALIGNED, block);
        long end = block + (tag & SIZE_MASK);
        long address = (end - payload) & -align;
        long start = address - HEADER;
        long front = start - block;
        if (front >= MIN_BLOCK) {
            // The usual case, one branch: the front stays a free block, in place in the list.
            // A free block's PREV_FREE bit is clear (two free blocks are never adjacent).
            M.set(JAVA_LONG_UNALIGNED, block, front | FREE);
            M.set(JAVA_LONG_UNALIGNED, start - 8, front);
            M.set(JAVA_LONG_UNALIGNED, start, (end - start) | PREV_FREE);
            clearPrevFree(end); // it followed a free block; now it follows ours
            return address;
        }
        // A 16-byte front cannot be a block: with no extra alignment, take the whole block.
        if (front == 0 || (front == HEADER && align == HEADER)) {
            unlink(block);
            if (lastFreed == block) {
                lastFreed = NONE;
            }
            M.set(JAVA_LONG_UNALIGNED, block, end - block);
            clearPrevFree(end);
            return block + HEADER;
        }
        return NONE; // too small, or an aligned payload would leave a front too small to be a block
    }

    @Override
    public void deallocate(MemorySegment segment) {
        // Kept small so the JIT inlines it and the caller's segment never escapes: the work
        // happens in release(), on plain longs.
        release(segment.address(), segment.byteSize());
    }

    private void release(long address, long byteSize) {
        long block = address - HEADER;
        if (block == churnBlock && block != NONE) { // NONE: a foreign segment at address 16 is no churn block
            releaseChurn(block, address, byteSize);
        } else {
            releaseOrdinary(block, address, byteSize);
        }
    }

    /**
     * Frees the block the churn path carved, nothing having happened since: every word goes back to
     * what it was before the carve, from the fields. A second free of it finds the header marked free
     * and takes the ordinary path, which reports it.
     */
    private void releaseChurn(long block, long address, long byteSize) {
        long requested = M.get(JAVA_LONG_UNALIGNED, block + 8);
        if (requested != byteSize) {
            throw misuse(MemoryMisuseException.Kind.SIZE_MISMATCH, address, byteSize,
                    "the block was allocated with " + requested + " bytes");
        }
        counters.freed(requested);
        long previous = lastFreed;
        long size = lastFreedSize;
        long end = previous + size;
        M.set(JAVA_LONG_UNALIGNED, block, (end - block) | PREV_FREE | FREE);
        M.set(JAVA_LONG_UNALIGNED, previous, size | FREE);
        M.set(JAVA_LONG_UNALIGNED, end - 8, size);
        M.set(JAVA_LONG_UNALIGNED, end, lastFreedNextTag);
        churnBlock = NONE;
    }

    private void releaseOrdinary(long block, long address, long byteSize) {
        if (Long.compareUnsigned(block - hotChunkStart, hotChunkBytes) >= 0 && !findChunk(block)) {
            throw misuse(MemoryMisuseException.Kind.FOREIGN_FREE, address, byteSize,
                    "the address lies in none of this allocator's chunks");
        }
        long tag = M.get(JAVA_LONG_UNALIGNED, block);
        if ((tag & FREE) != 0) {
            throw misuse(MemoryMisuseException.Kind.DOUBLE_FREE, address, byteSize, "the block is already free");
        }
        long requested = M.get(JAVA_LONG_UNALIGNED, block + 8);
        if (requested != byteSize) {
            throw misuse(MemoryMisuseException.Kind.SIZE_MISMATCH, address, byteSize,
                    "the block was allocated with " + requested + " bytes");
        }
        counters.freed(requested);
        long size = tag & SIZE_MASK;
        long next = block + size;
        long nextTag = M.get(JAVA_LONG_UNALIGNED, next);
        long after = next;
        long afterTag = nextTag;
        if ((nextTag & FREE) != 0) {
            unlink(next);
            size += nextTag & SIZE_MASK;
            after = block + size;
            afterTag = M.get(JAVA_LONG_UNALIGNED, after);
        }
        if ((tag & PREV_FREE) != 0) {
            // Mark this header free although it ends up inside the previous block: a second free
            // of the same segment then fails until the memory is carved again.
            M.set(JAVA_LONG_UNALIGNED, block, tag | FREE);
            // The previous block stays in the list where it is and grows over us. Its own
            // PREV_FREE bit is clear (two free blocks are never adjacent), so its tag need not be read.
            long previousSize = M.get(JAVA_LONG_UNALIGNED, block - 8);
            block -= previousSize;
            size += previousSize;
            M.set(JAVA_LONG_UNALIGNED, block, size | FREE);
        } else {
            M.set(JAVA_LONG_UNALIGNED, block, size | FREE);
            linkAtTail(block);
        }
        M.set(JAVA_LONG_UNALIGNED, after - 8, size);
        // The block after the merged one knows its previous block is free now (it was not free
        // before, or it would have been merged): no read-modify-write, the tag read above serves.
        M.set(JAVA_LONG_UNALIGNED, after, afterTag | PREV_FREE);
        lastFreed = block;
        lastFreedSize = size;
        lastFreedNextTag = afterTag | PREV_FREE;
        churnBlock = NONE;
    }

    private MemoryMisuseException misuse(MemoryMisuseException.Kind kind, long address, long size, String detail) {
        return new MemoryMisuseException(kind, name, address, size, detail);
    }

    private void clearPrevFree(long block) {
        M.set(JAVA_LONG_UNALIGNED, block, M.get(JAVA_LONG_UNALIGNED, block) & ~PREV_FREE);
    }

    /** Whether a chunk holds {@code block}; that chunk becomes the one checked first. */
    private boolean findChunk(long block) {
        for (int i = chunkCount - 1; i >= 0; i--) {
            if (block >= chunkStart[i] && block < chunkEnd[i]) {
                hotChunkStart = chunkStart[i];
                hotChunkBytes = chunkEnd[i] - chunkStart[i];
                return true;
            }
        }
        return false;
    }

    private void linkAtTail(long block) {
        M.set(JAVA_LONG_UNALIGNED, block + 8, NONE);
        M.set(JAVA_LONG_UNALIGNED, block + 16, tail);
        if (tail == NONE) {
            head = block;
        } else {
            M.set(JAVA_LONG_UNALIGNED, tail + 8, block);
        }
        tail = block;
    }

    private void unlink(long block) {
        long next = M.get(JAVA_LONG_UNALIGNED, block + 8);
        long previous = M.get(JAVA_LONG_UNALIGNED, block + 16);
        if (previous == NONE) {
            head = next;
        } else {
            M.set(JAVA_LONG_UNALIGNED, previous + 8, next);
        }
        if (next == NONE) {
            tail = previous;
        } else {
            M.set(JAVA_LONG_UNALIGNED, next + 16, previous);
        }
    }

    /** Reserves a chunk big enough for {@code atLeast} bytes of blocks plus its sentinel. */
    private void addChunk(long atLeast) {
        if (closed) {
            throw new IllegalStateException(name + ": allocator is closed");
        }
        long size = Math.max(nextChunkSize, Alignment.up(atLeast + HEADER, MAX_ALIGNMENT));
        nextChunkSize = Math.min(Math.max(nextChunkSize, size) * 2, MAX_CHUNK_GROWTH);
        MemorySegment chunk = base.allocate(size, MAX_ALIGNMENT);
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkStart = Arrays.copyOf(chunkStart, chunkCount * 2);
            chunkEnd = Arrays.copyOf(chunkEnd, chunkCount * 2);
        }
        long start = chunk.address();
        long sentinel = start + size - HEADER;
        chunks[chunkCount] = chunk;
        chunkStart[chunkCount] = start;
        chunkEnd[chunkCount] = sentinel;
        chunkCount++;
        counters.reserved(size);
        long blockSize = sentinel - start;
        M.set(JAVA_LONG_UNALIGNED, start, blockSize | FREE);
        M.set(JAVA_LONG_UNALIGNED, sentinel - 8, blockSize);
        M.set(JAVA_LONG_UNALIGNED, sentinel, PREV_FREE); // size 0, never free
        linkAtTail(start);
    }

    /** Whether the next allocation can take the churn path (for tests: the fast path must not go quiet). */
    boolean churnReady() {
        return lastFreedSize != 0 && churnBlock == NONE;
    }

    /** Number of chunks reserved from the base (for tests and diagnostics). */
    int chunkCount() {
        return chunkCount;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AllocatorMetrics metrics() {
        return counters;
    }

    /** Returns every chunk to the base; segments handed out become invalid. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < chunkCount; i++) {
            counters.released(chunks[i].byteSize());
            base.deallocate(chunks[i]);
            chunks[i] = null;
        }
        chunkCount = 0;
        head = tail = lastFreed = churnBlock = NONE;
        lastFreedSize = 0;
        hotChunkBytes = 0;
        counters.freedAll();
    }

    @Override
    public String toString() {
        return name + " [" + counters + ", " + chunkCount + " chunks]";
    }
}
