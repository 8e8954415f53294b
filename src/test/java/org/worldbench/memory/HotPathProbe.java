package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Runs one allocator path in rounds and prints the Java-heap bytes a round allocates once the
 * JIT has compiled it, as {@code heap-bytes-per-round=N}. {@link HotPathHeapAllocationTest} starts
 * it in a fresh JVM for the {@code MemorySegment} paths: whether the JIT can remove the segment
 * object depends on what else the JVM has compiled, and a fresh JVM is what a benchmark fork is.
 */
final class HotPathProbe {

    static final int OPERATIONS = 5_000;
    private static final long DEADLINE_NANOS = 30_000_000_000L;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private HotPathProbe() {
    }

    public static void main(String[] args) {
        try (MemoryManager manager = new MemoryManager(MemoryAllocator.defaultAllocator(),
                MemoryOptions.release().withFrameCapacity(1024), "probe")) {
            LongSupplier work = switch (args[0]) {
                case "frame-segment" -> () -> frameSegmentSteps(manager.getFrameAllocator(), OPERATIONS);
                case "pool" -> () -> poolChurn(manager.getPoolAllocator(), OPERATIONS);
                case "pool-across-blocks" -> () -> poolChurnAcrossBlocks(manager.getPoolAllocator(), OPERATIONS);
                case "free-list" -> () -> freeListChurn(manager.getFreeListAllocator(), OPERATIONS);
                default -> throw new IllegalArgumentException("unknown path: " + args[0]);
            };
            System.out.println("heap-bytes-per-round=" + bytesPerRoundOnceCompiled(work));
        }
    }

    static long frameSegmentSteps(FrameAllocator frame, int steps) {
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

    static long poolChurn(MemoryAllocator pool, int operations) {
        long checksum = 0;
        for (int i = 0; i < operations; i++) {
            MemorySegment block = pool.allocate(64, 8);
            block.set(JAVA_DOUBLE, 8, i);
            checksum += block.address();
            pool.deallocate(block);
        }
        return checksum;
    }

    /** Two classes in two blocks, freed in turn: no free goes to the block of the free before it. */
    static long poolChurnAcrossBlocks(MemoryAllocator pool, int operations) {
        long checksum = 0;
        for (int i = 0; i < operations; i++) {
            MemorySegment small = pool.allocate(64, 8);
            MemorySegment large = pool.allocate(200, 8);
            small.set(JAVA_DOUBLE, 8, i);
            large.set(JAVA_DOUBLE, 8, i);
            checksum += small.address() + large.address();
            pool.deallocate(small);
            pool.deallocate(large);
        }
        return checksum;
    }

    static long freeListChurn(MemoryAllocator freeList, int operations) {
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
     * the loop with the allocator inlined) or the deadline passes; returns 0 then, or else the fewest
     * bytes of the last rounds. The JIT compiles in the background, so on a busy machine this takes
     * a variable number of rounds, but a path that allocates keeps allocating.
     */
    static long bytesPerRoundOnceCompiled(LongSupplier work) {
        long sink = 0;
        long deadline = System.nanoTime() + DEADLINE_NANOS;
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
        if (sink == 42) {
            System.out.println("(checksum)"); // keeps the work observable
        }
        return zeroRoundsInARow == 3 ? 0 : fewestRecent;
    }

    static long bytesOfRound(LongSupplier work) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        long sink = work.getAsLong();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (sink == 42) {
            System.out.println("(checksum)");
        }
        return allocated;
    }
}
