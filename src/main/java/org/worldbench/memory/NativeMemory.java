package org.worldbench.memory;

import java.lang.foreign.MemorySegment;

/**
 * One segment spanning the whole address space, through which the allocators read and write
 * their in-band bookkeeping (block tags, free-list links) by absolute address.
 *
 * <p>Why: the bookkeeping lives inside the memory it manages, like a C allocator's, so the fast
 * paths touch no Java object besides the allocator itself; and an absolute address needs no
 * lookup of which chunk it belongs to. The price is that these accesses are not bounds-checked
 * against the chunk: only the allocators in this package use it, and only on addresses they gave
 * out or validated first.
 */
final class NativeMemory {

    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private NativeMemory() {
    }

    /** The block at {@code address} as a segment of {@code byteSize} bytes in the global scope. */
    static MemorySegment slice(long address, long byteSize) {
        return ALL.asSlice(address, byteSize);
    }
}
