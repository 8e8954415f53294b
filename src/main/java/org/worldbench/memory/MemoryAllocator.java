package org.worldbench.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Allocates and frees off-heap memory handed out as {@link MemorySegment}s.
 *
 * <p>Every allocator is also a {@link SegmentAllocator}, so JDK APIs that take one accept it
 * directly; {@link #allocate(long, long)} is that interface's method. Memory is not zeroed.
 *
 * <p>Lifetime contract: a segment stays valid until it is passed to {@link #deallocate} of the
 * allocator that gave it out, or until that allocator is closed. Using it afterwards is undefined
 * (the debug wrappers turn it into an exception where the JVM allows). Allocators other than
 * {@link #defaultAllocator()} are single-threaded: one World, one thread at a time.
 */
public interface MemoryAllocator extends SegmentAllocator, AutoCloseable {

    /**
     * Allocates {@code byteSize} bytes aligned to {@code byteAlignment} (a power of two).
     *
     * @throws IllegalArgumentException if the size is negative or the alignment not a power of two
     * @throws OutOfMemoryError         if the memory cannot be obtained
     */
    @Override
    MemorySegment allocate(long byteSize, long byteAlignment);

    /** Returns a segment obtained from {@link #allocate} of this allocator. */
    void deallocate(MemorySegment segment);

    /** A short name for metrics and error messages, e.g. {@code "free-list(default)"}. */
    String name();

    /** Read-only counters, live: they change as the allocator is used. */
    AllocatorMetrics metrics();

    /** Returns everything this allocator holds to its parent. The default allocator ignores it. */
    @Override
    default void close() {
    }

    /** The process-wide base allocator, backed by the C library's allocator; thread-safe. */
    static MemoryAllocator defaultAllocator() {
        return NativeAllocator.INSTANCE;
    }
}
