package org.worldbench.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The default base allocator: the C library's {@code malloc}/{@code aligned_alloc}/{@code free}
 * called through the FFM linker. Thread-safe (the C allocator is, and the counters are atomic).
 *
 * <p>Why not {@code Arena}: an arena frees all its segments at once, while a base allocator must
 * free blocks one by one; and {@code Arena.ofShared().close()} costs tens of microseconds.
 * Segments are returned in the global scope with their true size, so {@link #deallocate} knows
 * how many bytes it frees without a side table.
 */
final class NativeAllocator implements MemoryAllocator {

    static final NativeAllocator INSTANCE = new NativeAllocator();

    /** malloc already returns blocks aligned to 16 on every 64-bit C library. */
    private static final long MALLOC_ALIGNMENT = 16;

    private static final MethodHandle MALLOC;
    private static final MethodHandle ALIGNED_ALLOC;
    private static final MethodHandle FREE;

    static {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        // critical(false): no upcalls, no heap access; saves ~5 ns per call (see the Java anchors).
        Linker.Option critical = Linker.Option.critical(false);
        MALLOC = linker.downcallHandle(libc.find("malloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), critical);
        ALIGNED_ALLOC = linker.downcallHandle(libc.find("aligned_alloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), critical);
        FREE = linker.downcallHandle(libc.find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), critical);
    }

    private final AtomicLong liveBytes = new AtomicLong();
    private final AtomicLong liveBlocks = new AtomicLong();
    private final LongAccumulator peakBytes = new LongAccumulator(Math::max, 0);
    private final AtomicLong allocationCount = new AtomicLong();
    private final AllocatorMetrics metrics = new AllocatorMetrics() {
        @Override public long liveBytes() { return liveBytes.get(); }
        @Override public long liveBlocks() { return liveBlocks.get(); }
        @Override public long peakBytes() { return peakBytes.get(); }
        @Override public long reservedBytes() { return liveBytes.get(); }
        @Override public long allocationCount() { return allocationCount.get(); }
    };

    private NativeAllocator() {
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        Alignment.check(byteSize, byteAlignment);
        long request = Math.max(byteSize, 1); // malloc(0) may return NULL
        MemorySegment raw;
        try {
            if (byteAlignment <= MALLOC_ALIGNMENT) {
                raw = (MemorySegment) MALLOC.invokeExact(request);
            } else {
                // aligned_alloc wants the size to be a multiple of the alignment.
                raw = (MemorySegment) ALIGNED_ALLOC.invokeExact(byteAlignment, Alignment.up(request, byteAlignment));
            }
        } catch (Throwable t) {
            throw new IllegalStateException("native allocation failed", t);
        }
        if (raw.address() == 0) {
            throw new OutOfMemoryError(name() + ": cannot allocate " + byteSize + " bytes");
        }
        allocationCount.incrementAndGet();
        liveBlocks.incrementAndGet();
        peakBytes.accumulate(liveBytes.addAndGet(byteSize));
        return raw.reinterpret(byteSize);
    }

    @Override
    public void deallocate(MemorySegment segment) {
        try {
            FREE.invokeExact(segment);
        } catch (Throwable t) {
            throw new IllegalStateException("native free failed", t);
        }
        liveBlocks.decrementAndGet();
        liveBytes.addAndGet(-segment.byteSize());
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public AllocatorMetrics metrics() {
        return metrics;
    }
}
