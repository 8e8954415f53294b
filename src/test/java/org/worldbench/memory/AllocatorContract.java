package org.worldbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MemoryAllocator} keeps, written once and inherited by one subclass per
 * allocator and per debug variant (after Netty's {@code AbstractByteBufAllocatorTest}).
 */
abstract class AllocatorContract {

    protected TrackingBase base;
    protected MemoryAllocator allocator;

    /** The allocator under test, built on {@code base}; closing it must return everything to base. */
    abstract MemoryAllocator create(TrackingBase base);

    /** False for frame allocators, whose free is a no-op until reset. */
    boolean freesIndividually() {
        return true;
    }

    /** Debug variants report blocks still live at close. */
    boolean reportsLeaks() {
        return false;
    }

    /** Whether close() reclaims blocks the caller did not free (the default allocator cannot). */
    boolean reclaimsOnClose() {
        return true;
    }

    /** Releases every block at once where the allocator supports it (frame reset). */
    void releaseAll(MemoryAllocator allocator) {
    }

    @BeforeEach
    void createAllocator() {
        base = new TrackingBase();
        allocator = create(base);
    }

    @AfterEach
    void closeAllocator() {
        try {
            allocator.close();
        } catch (MemoryMisuseException ignored) {
            // a test that leaked on purpose already checked the report
        }
    }

    @Test
    void blocks_are_aligned_and_writable_over_their_whole_size() {
        long[] sizes = {0, 1, 7, 8, 24, 64, 1000, 1024, 1025, 4096, 100_000, 3 << 20};
        long[] alignments = {1, 8, 16, 64, 512, 4096};
        List<MemorySegment> blocks = new ArrayList<>();
        for (long size : sizes) {
            for (long alignment : alignments) {
                MemorySegment block = allocator.allocate(size, alignment);
                assertThat(block.byteSize()).as("size of %d/%d", size, alignment).isEqualTo(size);
                assertThat(block.address() % alignment).as("alignment of %d/%d", size, alignment).isZero();
                block.fill((byte) 0x5A);
                if (size > 0) {
                    assertThat(block.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 0x5A);
                    assertThat(block.get(ValueLayout.JAVA_BYTE, size - 1)).isEqualTo((byte) 0x5A);
                }
                blocks.add(block);
            }
        }
        assertNoOverlap(blocks);
        blocks.forEach(allocator::deallocate);
    }

    @Test
    void live_blocks_never_overlap_and_keep_their_contents() {
        SplittableRandom random = new SplittableRandom(42);
        List<MemorySegment> blocks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            if (!blocks.isEmpty() && random.nextInt(3) == 0) {
                MemorySegment victim = blocks.remove(random.nextInt(blocks.size()));
                assertFilled(victim);
                allocator.deallocate(victim);
            } else {
                MemorySegment block = allocator.allocate(1 + random.nextInt(random.nextBoolean() ? 256 : 8192),
                        1L << random.nextInt(7));
                block.fill(pattern(block));
                blocks.add(block);
            }
        }
        assertNoOverlap(blocks);
        blocks.forEach(AllocatorContract::assertFilled);
        blocks.forEach(allocator::deallocate);
    }

    @Test
    void metrics_follow_allocations_and_frees() {
        AllocatorMetrics metrics = allocator.metrics();
        long count = metrics.allocationCount();
        long blocksBefore = metrics.liveBlocks();
        long bytesBefore = metrics.liveBytes();

        MemorySegment a = allocator.allocate(100, 8);
        MemorySegment b = allocator.allocate(3000, 16);
        assertThat(metrics.allocationCount()).isEqualTo(count + 2);
        assertThat(metrics.liveBlocks()).isEqualTo(blocksBefore + 2);
        assertThat(metrics.liveBytes()).isEqualTo(bytesBefore + 3100);
        assertThat(metrics.peakBytes()).isGreaterThanOrEqualTo(bytesBefore + 3100);
        assertThat(metrics.reservedBytes()).isGreaterThanOrEqualTo(metrics.liveBytes());

        allocator.deallocate(a);
        allocator.deallocate(b);
        if (freesIndividually()) {
            assertThat(metrics.liveBlocks()).isEqualTo(blocksBefore);
            assertThat(metrics.liveBytes()).isEqualTo(bytesBefore);
        } else {
            assertThat(metrics.liveBytes()).isEqualTo(bytesBefore + 3100);
            releaseAll(allocator);
            assertThat(metrics.liveBytes()).isZero();
        }
        assertThat(metrics.peakBytes()).isGreaterThanOrEqualTo(bytesBefore + 3100);
        assertThat(metrics.allocationCount()).isEqualTo(count + 2);
    }

    @Test
    void steady_allocate_free_churn_reserves_nothing_more() {
        for (int i = 0; i < 1000; i++) {
            churnOnce(i);
        }
        long reserved = base.liveBytes();
        for (int i = 0; i < 20_000; i++) {
            churnOnce(i);
        }
        assertThat(base.liveBytes()).isEqualTo(reserved);
    }

    private void churnOnce(int i) {
        MemorySegment a = allocator.allocate(64, 8);
        MemorySegment b = allocator.allocate(16 + (i % 7) * 100, 16);
        allocator.deallocate(b);
        allocator.deallocate(a);
        if (!freesIndividually()) {
            releaseAll(allocator);
        }
    }

    @Test
    void close_returns_every_byte_to_the_base_even_with_blocks_live() {
        List<MemorySegment> kept = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            MemorySegment block = allocator.allocate(8 + i * 37L, 8);
            if (i % 3 == 0) {
                allocator.deallocate(block);
            } else {
                kept.add(block);
            }
        }
        if (!reclaimsOnClose()) {
            kept.forEach(allocator::deallocate);
        }
        if (reportsLeaks() && reclaimsOnClose()) {
            assertThatThrownBy(allocator::close).isInstanceOf(MemoryMisuseException.class)
                    .extracting(e -> ((MemoryMisuseException) e).kind())
                    .isEqualTo(MemoryMisuseException.Kind.LEAK);
        } else {
            allocator.close();
        }
        assertThat(base.liveBytes()).as("bytes still held from the base").isZero();
        assertThat(base.liveBlocks()).isZero();
        assertThatCode(allocator::close).as("close is idempotent").doesNotThrowAnyException();
    }

    @Test
    void a_negative_size_is_rejected_naming_the_size() {
        assertThatThrownBy(() -> allocator.allocate(-5, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }

    @Test
    void an_alignment_that_is_not_a_power_of_two_is_rejected() {
        assertThatThrownBy(() -> allocator.allocate(16, 24))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24");
    }

    @Test
    void works_as_a_jdk_segment_allocator() {
        MemorySegment doubles = allocator.allocateFrom(ValueLayout.JAVA_DOUBLE, 1.0, 2.0, 3.0);
        assertThat(doubles.toArray(ValueLayout.JAVA_DOUBLE)).containsExactly(1.0, 2.0, 3.0);
        MemorySegment text = allocator.allocateFrom("step");
        assertThat(text.getString(0)).isEqualTo("step");
        allocator.deallocate(doubles);
        allocator.deallocate(text);
    }

    @Test
    void has_a_name() {
        assertThat(allocator.name()).isNotBlank();
    }

    static byte pattern(MemorySegment block) {
        return (byte) (block.address() * 31 >>> 4);
    }

    static void assertFilled(MemorySegment block) {
        byte expected = pattern(block);
        for (long i = 0; i < block.byteSize(); i++) {
            if (block.get(ValueLayout.JAVA_BYTE, i) != expected) {
                throw new AssertionError("block at 0x" + Long.toHexString(block.address()) + " of "
                        + block.byteSize() + " bytes was overwritten at byte " + i);
            }
        }
    }

    static void assertNoOverlap(List<MemorySegment> blocks) {
        List<MemorySegment> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingLong(MemorySegment::address));
        for (int i = 1; i < sorted.size(); i++) {
            MemorySegment previous = sorted.get(i - 1);
            MemorySegment current = sorted.get(i);
            assertThat(current.address())
                    .as("block at 0x%x overlaps the one before", current.address())
                    .isGreaterThanOrEqualTo(previous.address() + Math.max(previous.byteSize(), 1)
                            - (previous.byteSize() == 0 ? 1 : 0));
        }
    }
}
