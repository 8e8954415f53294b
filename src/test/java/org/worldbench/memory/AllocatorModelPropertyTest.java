package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based properties: each allocator runs a random sequence of {@value #OPERATIONS}
 * operations (allocate with random size and alignment, free a random live block, or reset a
 * frame) next to a model of what should be live. After every operation: the new block is aligned,
 * overlaps no live block, and is filled over its whole size; a freed block still holds what was
 * written into it (so no other block was carved over it); the allocator's metrics agree with the
 * model. At the end {@code close()} returns every byte to the base, as the base's own counters show.
 *
 * <p>jqwik generates the operations as an array of random words, one per operation, which the test
 * decodes (kind, size, alignment, victim); a failure is reported with its shrunk sequence.
 */
class AllocatorModelPropertyTest {

    static final int OPERATIONS = 100_000;
    private static final int MAX_LIVE = 3000;

    @Provide
    Arbitrary<long[]> operations() {
        return Arbitraries.longs().array(long[].class).ofSize(OPERATIONS);
    }

    @Property(tries = 3)
    void free_list_agrees_with_its_model(@ForAll("operations") long[] operations) {
        TrackingBase base = new TrackingBase();
        runFreeingModel(Allocators.freeList(base), operations, FreeListAllocator.MAX_ALIGNMENT, 64 * 1024);
        assertThat(base.liveBytes()).as("bytes still held from the base after close").isZero();
    }

    /**
     * Frees the newest live block most of the time, so that allocate/free pairs on the same block
     * (the churn path) run back to back and interleave with every other operation.
     */
    @Property(tries = 3)
    void free_list_agrees_with_its_model_when_the_newest_block_is_freed_first(@ForAll("operations") long[] operations) {
        TrackingBase base = new TrackingBase();
        runFreeingModel(Allocators.freeList(base), operations, FreeListAllocator.MAX_ALIGNMENT, 64 * 1024, 200);
        assertThat(base.liveBytes()).as("bytes still held from the base after close").isZero();
    }

    @Property(tries = 3)
    void pool_agrees_with_its_model(@ForAll("operations") long[] operations) {
        TrackingBase base = new TrackingBase();
        runFreeingModel(new AllocatorContractTests.Stack(base), operations, 1024, 2048);
        assertThat(base.liveBytes()).as("bytes still held from the base after close").isZero();
    }

    @Property(tries = 3)
    void debug_pool_agrees_with_its_model(@ForAll("operations") long[] operations) {
        TrackingBase base = new TrackingBase();
        MemoryAllocator debugPool = new DebugAllocator(new AllocatorContractTests.Stack(base), false, true);
        try {
            runFreeingModel(debugPool, operations, 256, 2048);
        } catch (MemoryMisuseException leakReport) {
            assertThat(leakReport.kind()).isEqualTo(MemoryMisuseException.Kind.LEAK);
        }
        assertThat(base.liveBytes()).as("bytes still held from the base after close").isZero();
    }

    @Property(tries = 2) // malloc and the map of live blocks make this the slowest
    void default_allocator_agrees_with_its_model(@ForAll("operations") long[] operations) {
        MemoryAllocator native_ = MemoryAllocator.defaultAllocator();
        long liveBefore = native_.metrics().liveBytes();
        runFreeingModel(new Delta(native_), operations, 4096, 16 * 1024);
        assertThat(native_.metrics().liveBytes()).isEqualTo(liveBefore);
    }

    @Property(tries = 2)
    void frame_agrees_with_its_model(@ForAll("operations") long[] operations) {
        TrackingBase base = new TrackingBase();
        FrameAllocator frame = Allocators.frame(base, 1024);
        FrameModel model = new FrameModel(frame);
        for (long word : operations) {
            model.apply(word);
        }
        model.checkContents();
        frame.close();
        assertThat(base.liveBytes()).as("bytes still held from the base after close").isZero();
    }

    /** One live block of the model. */
    private record Block(MemorySegment segment, byte pattern) {
    }

    /**
     * Drives an allocator that frees block by block. Leaves about half the blocks live at the end
     * and closes the allocator with them, since close() must reclaim them too (except for the
     * default allocator, which cannot, so the Delta wrapper frees them first).
     */
    private static void runFreeingModel(MemoryAllocator allocator, long[] operations, long maxAlignment, int maxSize) {
        runFreeingModel(allocator, operations, maxAlignment, maxSize, 0);
    }

    /**
     * As above; a free picks the newest live block when the operation's byte 3 is below
     * {@code newestFirst} (0 to 256), and a random live block otherwise.
     */
    private static void runFreeingModel(MemoryAllocator allocator, long[] operations, long maxAlignment, int maxSize,
            int newestFirst) {
        List<Block> live = new ArrayList<>();
        Block newest = null;
        TreeMap<Long, Block> byAddress = new TreeMap<>();
        long liveBytes = 0;
        long peakBytes = 0;
        long allocations = 0;
        AllocatorMetrics metrics = allocator.metrics();
        int maxAlignmentShift = Long.numberOfTrailingZeros(maxAlignment);
        for (int i = 0; i < operations.length; i++) {
            long word = operations[i];
            boolean free = !live.isEmpty() && (live.size() >= MAX_LIVE || (word & 0xFF) < 120);
            if (free) {
                int victim = newest != null && ((word >>> 24) & 0xFF) < newestFirst
                        ? indexOf(live, newest)
                        : (int) Long.remainderUnsigned(word >>> 32, live.size());
                Block block = live.get(victim);
                if (block == newest) {
                    newest = null;
                }
                live.set(victim, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                byAddress.remove(block.segment.address());
                assertHolds(block);
                allocator.deallocate(block.segment);
                liveBytes -= block.segment.byteSize();
            } else {
                long size = decodeSize(word, maxSize);
                long alignment = decodeAlignment(word, maxAlignmentShift);
                MemorySegment segment = allocator.allocate(size, alignment);
                assertThat(segment.byteSize()).isEqualTo(size);
                if (segment.address() % alignment != 0) {
                    throw new AssertionError("operation " + i + ": 0x" + Long.toHexString(segment.address())
                            + " is not aligned to " + alignment);
                }
                assertNoOverlap(byAddress, segment, i);
                Block block = new Block(segment, (byte) i);
                segment.fill(block.pattern);
                live.add(block);
                newest = block;
                byAddress.put(segment.address(), block);
                liveBytes += size;
                peakBytes = Math.max(peakBytes, liveBytes);
                allocations++;
            }
            if (metrics.liveBytes() != liveBytes || metrics.liveBlocks() != live.size()
                    || metrics.allocationCount() != allocations || metrics.peakBytes() != peakBytes) {
                throw new AssertionError("operation " + i + ": metrics " + metrics.liveBytes() + " B / "
                        + metrics.liveBlocks() + " blocks / " + metrics.allocationCount() + " allocations / peak "
                        + metrics.peakBytes() + ", model " + liveBytes + " / " + live.size() + " / "
                        + allocations + " / " + peakBytes);
            }
        }
        live.forEach(AllocatorModelPropertyTest::assertHolds);
        for (int i = 0; i < live.size(); i += 2) {
            allocator.deallocate(live.get(i).segment);
        }
        allocator.close();
    }

    /** By identity, from the end, where the newest block usually is. */
    private static int indexOf(List<Block> live, Block block) {
        int i = live.size() - 1;
        while (live.get(i) != block) {
            i--;
        }
        return i;
    }

    /** Mostly small sizes, some up to {@code maxSize}; at least 1 byte so extents are not empty. */
    private static long decodeSize(long word, int maxSize) {
        int selector = (int) ((word >>> 8) & 0xFF);
        int bits = (int) ((word >>> 40) & 0xFFFFFF);
        if (selector < 170) {
            return 1 + bits % 256;
        } else if (selector < 245) {
            return 1 + bits % Math.min(maxSize, 4096);
        }
        return 1 + bits % maxSize;
    }

    /** Mostly 1-16, sometimes up to {@code 1 << maxShift}. */
    private static long decodeAlignment(long word, int maxShift) {
        int selector = (int) ((word >>> 16) & 0xFF);
        int shift = selector < 200 ? selector % 5 : selector % (maxShift + 1);
        return 1L << shift;
    }

    private static void assertNoOverlap(TreeMap<Long, Block> byAddress, MemorySegment segment, int operation) {
        Map.Entry<Long, Block> below = byAddress.floorEntry(segment.address());
        Map.Entry<Long, Block> above = byAddress.ceilingEntry(segment.address());
        long end = segment.address() + segment.byteSize();
        boolean overlapsBelow = below != null
                && below.getKey() + below.getValue().segment.byteSize() > segment.address();
        boolean overlapsAbove = above != null && above.getKey() < end;
        if (overlapsBelow || overlapsAbove) {
            throw new AssertionError("operation " + operation + ": block 0x" + Long.toHexString(segment.address())
                    + " (" + segment.byteSize() + " bytes) overlaps a live block");
        }
    }

    private static void assertHolds(Block block) {
        assertHolds(block.segment, 0, block.segment.byteSize(), block.pattern);
    }

    static void assertHolds(MemorySegment memory, long offset, long size, byte pattern) {
        long expected = 0x0101010101010101L * (pattern & 0xFF);
        long i = 0;
        for (; i + 8 <= size; i += 8) {
            if (memory.get(JAVA_LONG_UNALIGNED, offset + i) != expected) {
                throw new AssertionError("block at offset " + offset + " was overwritten near byte " + i);
            }
        }
        for (; i < size; i++) {
            if (memory.get(JAVA_BYTE, offset + i) != pattern) {
                throw new AssertionError("block at offset " + offset + " was overwritten at byte " + i);
            }
        }
    }

    /** The model of a frame: blocks since the last reset, by segment or by offset. */
    private static final class FrameModel {
        private final FrameAllocator frame;
        private final TreeMap<Long, Block> segments = new TreeMap<>();
        private final TreeMap<Long, long[]> offsets = new TreeMap<>(); // offset -> {size, pattern}
        private long liveBytes;
        private long allocations;
        private int operation;

        FrameModel(FrameAllocator frame) {
            this.frame = frame;
        }

        void apply(long word) {
            operation++;
            int selector = (int) (word & 0x3FF);
            if (selector < 4) {
                checkContents();
                frame.reset();
                segments.clear();
                offsets.clear();
                liveBytes = 0;
                assertThat(frame.used()).isZero();
            } else {
                long size = decodeSize(word, 8192);
                byte pattern = (byte) operation;
                if ((selector & 1) == 0) {
                    long alignment = decodeAlignment(word, 6);
                    long offset = frame.allocateOffset(size, alignment);
                    assertThat(offset % alignment).isZero();
                    MemorySegment memory = frame.memory();
                    assertOffsetFree(offset, size);
                    Map.Entry<Long, Block> below = segments.floorEntry(memory.address() + offset + size - 1);
                    assertThat(below == null || below.getKey() + below.getValue().segment.byteSize()
                            <= memory.address() + offset).as("offset block overlaps a segment block").isTrue();
                    memory.asSlice(offset, size).fill(pattern);
                    offsets.put(offset, new long[] {size, pattern});
                } else {
                    long alignment = decodeAlignment(word, 12);
                    MemorySegment segment = frame.allocate(size, alignment);
                    assertThat(segment.address() % alignment).isZero();
                    assertThat(frame.owns(segment)).isTrue();
                    assertNoOverlap(segments, segment, operation);
                    long inArena = segment.address() - frame.memory().address();
                    if (inArena >= 0 && inArena < frame.capacity()) {
                        assertOffsetFree(inArena, size);
                    }
                    segment.fill(pattern);
                    segments.put(segment.address(), new Block(segment, pattern));
                }
                liveBytes += size;
                allocations++;
            }
            AllocatorMetrics metrics = frame.metrics();
            if (metrics.liveBytes() != liveBytes || metrics.allocationCount() != allocations
                    || metrics.liveBlocks() != segments.size() + offsets.size()
                    || frame.used() > frame.capacity() || frame.highWaterMark() < frame.used()) {
                throw new AssertionError("operation " + operation + ": " + frame + " " + metrics
                        + ", model " + liveBytes + " B, " + (segments.size() + offsets.size()) + " blocks");
            }
        }

        private void assertOffsetFree(long offset, long size) {
            Map.Entry<Long, long[]> below = offsets.floorEntry(offset + size - 1);
            if (below != null && below.getKey() + below.getValue()[0] > offset) {
                throw new AssertionError("operation " + operation + ": offset " + offset + " (" + size
                        + " bytes) overlaps the block at offset " + below.getKey());
            }
        }

        void checkContents() {
            segments.values().forEach(AllocatorModelPropertyTest::assertHolds);
            MemorySegment memory = frame.memory();
            offsets.forEach((offset, block) -> assertHolds(memory, offset, block[0], (byte) block[1]));
        }
    }

    /** The default allocator with metrics counted from zero, freeing what is left on close. */
    private static final class Delta implements MemoryAllocator {
        private final MemoryAllocator inner;
        private final Counters counters = new Counters();
        private final Map<Long, MemorySegment> live = new java.util.HashMap<>();

        Delta(MemoryAllocator inner) {
            this.inner = inner;
        }

        @Override
        public MemorySegment allocate(long size, long alignment) {
            long before = inner.metrics().liveBytes();
            MemorySegment segment = inner.allocate(size, alignment);
            assertThat(inner.metrics().liveBytes() - before).isEqualTo(size);
            counters.allocated(size);
            live.put(segment.address(), segment);
            return segment;
        }

        @Override
        public void deallocate(MemorySegment segment) {
            live.remove(segment.address());
            inner.deallocate(segment);
            counters.freed(segment.byteSize());
        }

        @Override public String name() { return inner.name(); }
        @Override public AllocatorMetrics metrics() { return counters; }

        @Override
        public void close() {
            live.values().forEach(inner::deallocate);
            live.clear();
        }
    }
}
