package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The allocator fast paths allocate nothing on the Java heap in steady state, measured with the
 * thread's allocated-bytes counter (as Pinocchio's {@code test_crba_malloc} forbids malloc).
 *
 * <p>The frame's offset path and reset create no object at all, so they allocate nothing from the
 * first call. The segment paths hand out a {@code MemorySegment}, which costs no heap only once
 * the JIT has inlined the allocator into the caller and removed the object (escape analysis);
 * each runs in a loop of its own method so the JIT sees one allocator class at each call site,
 * as a World's step does. JMH's {@code gc.alloc.rate.norm} confirms the same in the benchmarks.
 */
class HotPathHeapAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int OPERATIONS = 5_000;
    private static final long STEADY_STATE_DEADLINE_NANOS = 20_000_000_000L;

    private final TrackingBase base = new TrackingBase();
    private final MemoryManager manager = new MemoryManager(base, MemoryOptions.release().withFrameCapacity(1024), "World#heap");

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void frame_offset_path_and_reset_allocate_nothing_even_before_compilation() {
        FrameAllocator frame = manager.getFrameAllocator();
        assertThat(bytesOfSecondRound(() -> frameOffsetSteps(frame, OPERATIONS))).isZero();
        assertThat(bytesPerRoundOnceCompiled(() -> frameOffsetSteps(frame, OPERATIONS))).isZero();
        assertThat(frame.overflowCount()).as("the arena grew during warm-up only").isPositive();
    }

    @Test
    void frame_segment_path_allocates_nothing_once_compiled() {
        FrameAllocator frame = manager.getFrameAllocator();
        assertThat(bytesPerRoundOnceCompiled(() -> frameSegmentSteps(frame, OPERATIONS))).isZero();
    }

    @Test
    void pool_allocate_and_free_allocate_nothing_once_compiled() {
        MemoryAllocator pool = manager.getPoolAllocator();
        assertThat(bytesPerRoundOnceCompiled(() -> poolChurn(pool, OPERATIONS))).isZero();
    }

    @Test
    void free_list_allocate_and_free_allocate_nothing_once_compiled() {
        MemoryAllocator freeList = manager.getFreeListAllocator();
        assertThat(bytesPerRoundOnceCompiled(() -> freeListChurn(freeList, OPERATIONS))).isZero();
    }

    /** A solver-like step: reset, then a few arrays of doubles sized by the contact count. */
    private static long frameOffsetSteps(FrameAllocator frame, int steps) {
        long checksum = 0;
        for (int step = 0; step < steps; step++) {
            frame.reset();
            int contacts = 50 + (step & 63);
            for (int array = 0; array < 8; array++) {
                long offset = frame.allocateOffset(contacts * 24L, 8);
                MemorySegment memory = frame.memory();
                memory.set(JAVA_DOUBLE, offset, step);
                checksum += offset;
            }
        }
        return checksum;
    }

    private static long frameSegmentSteps(FrameAllocator frame, int steps) {
        long checksum = 0;
        for (int step = 0; step < steps; step++) {
            frame.reset();
            for (int array = 0; array < 8; array++) {
                MemorySegment block = frame.allocate(64, 8);
                block.set(JAVA_DOUBLE, 0, step);
                checksum += block.address();
            }
        }
        return checksum;
    }

    private static long poolChurn(MemoryAllocator pool, int operations) {
        long checksum = 0;
        for (int i = 0; i < operations; i++) {
            MemorySegment block = pool.allocate(64, 8);
            block.set(JAVA_DOUBLE, 8, i);
            checksum += block.address();
            pool.deallocate(block);
        }
        return checksum;
    }

    private static long freeListChurn(MemoryAllocator freeList, int operations) {
        long checksum = 0;
        for (int i = 0; i < operations; i++) {
            MemorySegment block = freeList.allocate(256, 8);
            block.set(JAVA_DOUBLE, 8, i);
            checksum += block.address();
            freeList.deallocate(block);
        }
        return checksum;
    }

    /**
     * Runs {@code work} in rounds until three rounds in a row allocate nothing (the JIT has compiled
     * the loop with the allocator inlined) or {@link #STEADY_STATE_DEADLINE_NANOS} passes; returns
     * the fewest bytes of the last rounds. The JIT compiles in the background, so on a busy machine
     * this takes a variable number of rounds, but a path that allocates keeps allocating.
     */
    private static long bytesPerRoundOnceCompiled(LongSupplier work) {
        long sink = 0;
        long deadline = System.nanoTime() + STEADY_STATE_DEADLINE_NANOS;
        int zeroRoundsInARow = 0;
        long fewestRecent = Long.MAX_VALUE;
        int round = 0;
        while (zeroRoundsInARow < 3 && System.nanoTime() < deadline) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            sink += work.getAsLong();
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            zeroRoundsInARow = allocated == 0 ? zeroRoundsInARow + 1 : 0;
            fewestRecent = round++ % 20 == 0 ? allocated : Math.min(fewestRecent, allocated);
        }
        assertThat(sink).isNotEqualTo(42); // keeps the work observable
        return zeroRoundsInARow == 3 ? 0 : fewestRecent;
    }

    /** Bytes allocated by the second round of {@code work}: no JIT help expected. */
    private static long bytesOfSecondRound(LongSupplier work) {
        long sink = work.getAsLong();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        sink += work.getAsLong();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isNotEqualTo(42);
        return allocated;
    }
}
