package org.worldbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FreeListAllocatorTest {

    private final TrackingBase base = new TrackingBase();
    private final FreeListAllocator freeList = new FreeListAllocator(base, "free-list(test)");

    @AfterEach
    void close() {
        freeList.close();
        assertThat(base.liveBytes()).isZero();
    }

    @Test
    void the_first_chunk_is_one_mebibyte_reserved_on_first_use() {
        assertThat(freeList.metrics().reservedBytes()).isZero();
        freeList.allocate(10, 8);
        assertThat(freeList.metrics().reservedBytes()).isEqualTo(FreeListAllocator.FIRST_CHUNK);
        assertThat(freeList.chunkCount()).isEqualTo(1);
    }

    @Test
    void freed_neighbours_coalesce_so_the_whole_chunk_can_be_handed_out_again() {
        List<MemorySegment> blocks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            blocks.add(freeList.allocate(16 + (i % 13) * 24, 8));
        }
        Collections.shuffle(blocks, new Random(7));
        blocks.forEach(freeList::deallocate);

        // Only one free block of nearly the whole chunk can serve this without a new chunk.
        MemorySegment almostAll = freeList.allocate(FreeListAllocator.FIRST_CHUNK - 64, 16);
        assertThat(freeList.chunkCount()).isEqualTo(1);
        freeList.deallocate(almostAll);
    }

    @Test
    void a_freed_block_is_handed_out_again_first() {
        MemorySegment a = freeList.allocate(200, 8);
        freeList.allocate(200, 8);
        freeList.deallocate(a);
        assertThat(freeList.allocate(200, 8).address()).isEqualTo(a.address());
    }

    @Test
    void chunks_grow_and_a_large_request_gets_a_chunk_big_enough() {
        freeList.allocate(900_000, 8);
        freeList.allocate(900_000, 8);
        assertThat(freeList.chunkCount()).isEqualTo(2);
        assertThat(freeList.metrics().reservedBytes()).isEqualTo(FreeListAllocator.FIRST_CHUNK * 3);
        MemorySegment huge = freeList.allocate(10 << 20, 4096);
        huge.fill((byte) 3);
        assertThat(freeList.chunkCount()).isEqualTo(3);
        assertThat(freeList.metrics().reservedBytes()).isGreaterThanOrEqualTo(FreeListAllocator.FIRST_CHUNK * 3 + (10 << 20));
    }

    @Test
    void alignment_is_honoured_up_to_4096_and_rejected_above() {
        for (long alignment = 1; alignment <= 4096; alignment <<= 1) {
            assertThat(freeList.allocate(24, alignment).address() % alignment).isZero();
        }
        assertThatThrownBy(() -> freeList.allocate(24, 8192))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("free-list(test)").hasMessageContaining("8192").hasMessageContaining("4096");
    }

    @Test
    void a_size_other_than_allocated_is_rejected_on_free() {
        MemorySegment block = freeList.allocate(64, 8);
        assertThatThrownBy(() -> freeList.deallocate(block.asSlice(0, 32)))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(MemoryMisuseException.Kind.SIZE_MISMATCH));
    }

    @Test
    void allocate_free_pairs_on_the_churn_path_leave_the_free_list_as_they_found_it() {
        MemorySegment neighbour = freeList.allocate(48, 8);
        freeList.deallocate(freeList.allocate(100, 8)); // an ordinary free makes the churn path ready
        assertThat(freeList.churnReady()).isTrue();
        long[] sizes = {1, 16, 24, 100, 1000, 4000};
        for (int i = 0; i < 6000; i++) {
            long size = sizes[i % sizes.length];
            long alignment = 1L << (i % 13);
            MemorySegment block = freeList.allocate(size, alignment);
            assertThat(block.address() % alignment).isZero();
            block.fill((byte) i);
            assertThat(freeList.churnReady()).isFalse(); // its block is out
            freeList.deallocate(block);
            assertThat(freeList.churnReady()).as("pair %d", i).isTrue();
        }
        assertThat(freeList.metrics().liveBlocks()).isEqualTo(1);
        assertThat(freeList.metrics().liveBytes()).isEqualTo(48);
        freeList.deallocate(neighbour);
        // Every pair merged back: one free block of nearly the whole chunk is there.
        freeList.deallocate(freeList.allocate(FreeListAllocator.FIRST_CHUNK - 64, 16));
        assertThat(freeList.chunkCount()).isEqualTo(1);
    }

    @Test
    void the_churn_path_restores_the_footer_that_the_churn_block_overwrote() {
        MemorySegment after = freeList.allocate(64, 8);
        freeList.deallocate(freeList.allocate(64, 8)); // ordinary: the free block before `after` is cached
        MemorySegment churned = freeList.allocate(64, 8); // ends where `after` starts
        churned.fill((byte) 0x55); // its last word is where the free block's footer was
        freeList.deallocate(churned);
        freeList.deallocate(after); // merges backward, reading that footer
        freeList.deallocate(freeList.allocate(FreeListAllocator.FIRST_CHUNK - 64, 16));
        assertThat(freeList.chunkCount()).isEqualTo(1);
    }

    @Test
    void an_ordinary_operation_while_a_churn_block_is_out_sends_its_free_down_the_ordinary_path() {
        freeList.deallocate(freeList.allocate(100, 8));
        MemorySegment churned = freeList.allocate(64, 8);
        MemorySegment other = freeList.allocate(64, 8); // carved from the same free block, in front
        other.fill((byte) 1);
        churned.fill((byte) 2);
        freeList.deallocate(churned);
        AllocatorModelPropertyTest.assertHolds(other, 0, 64, (byte) 1);
        freeList.deallocate(other);
        freeList.deallocate(freeList.allocate(FreeListAllocator.FIRST_CHUNK - 64, 16));
        assertThat(freeList.chunkCount()).isEqualTo(1);
        assertThat(freeList.metrics().liveBytes()).isZero();
    }

    @Test
    void misuse_on_the_churn_path_is_caught_and_changes_nothing() {
        freeList.deallocate(freeList.allocate(100, 8));
        MemorySegment block = freeList.allocate(64, 8);
        assertThatThrownBy(() -> freeList.deallocate(block.asSlice(0, 32)))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(MemoryMisuseException.Kind.SIZE_MISMATCH));
        assertThat(freeList.metrics().liveBytes()).isEqualTo(64);
        freeList.deallocate(block);
        assertThatThrownBy(() -> freeList.deallocate(block))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(MemoryMisuseException.Kind.DOUBLE_FREE));
        // Address 16 puts its header at 0, the "no block" value of the allocator's fields.
        MemorySegment atSixteen = MemorySegment.ofAddress(16).reinterpret(8);
        assertThatThrownBy(() -> freeList.deallocate(atSixteen))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(MemoryMisuseException.Kind.FOREIGN_FREE));
        assertThat(freeList.metrics().liveBytes()).isZero();
        assertThat(freeList.churnReady()).isTrue();
    }
}
