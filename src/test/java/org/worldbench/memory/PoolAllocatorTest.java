package org.worldbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolAllocatorTest {

    private final TrackingBase base = new TrackingBase();
    private final MemoryAllocator freeList = Allocators.freeList(base);
    private final PoolAllocator pool = new PoolAllocator(freeList, "pool(test)");

    @AfterEach
    void close() {
        pool.close();
        assertThat(freeList.metrics().liveBytes()).as("every slab back in the free list").isZero();
        freeList.close();
        assertThat(base.liveBytes()).isZero();
    }

    @Test
    void small_blocks_come_from_16_kib_blocks_of_a_slab() {
        pool.allocate(8, 8);
        assertThat(freeList.metrics().liveBlocks()).as("one slab").isEqualTo(1);
        assertThat(freeList.metrics().liveBytes()).isEqualTo(4 * PoolAllocator.BLOCK_BYTES);
        for (int i = 0; i < 1000; i++) {
            pool.allocate(8 * (1 + i % 4), 8); // four classes, 1000 blocks: still the first slab
        }
        assertThat(freeList.metrics().liveBlocks()).isEqualTo(1);
    }

    @Test
    void a_freed_slot_is_reused_first() {
        MemorySegment a = pool.allocate(64, 8);
        pool.allocate(64, 8);
        pool.deallocate(a);
        assertThat(pool.allocate(60, 4).address()).as("same class, LIFO").isEqualTo(a.address());
    }

    @Test
    void frees_alternating_between_blocks_of_different_classes_go_to_their_own_classes() {
        MemorySegment small = pool.allocate(64, 8);
        MemorySegment large = pool.allocate(200, 8);
        MemorySegment small2 = pool.allocate(64, 8);
        pool.deallocate(small);   // looks up the 64-byte block, remembers it
        pool.deallocate(large);   // another block: looks it up
        pool.deallocate(small2);  // back to the first block
        assertThat(pool.allocate(64, 8).address()).as("LIFO in the 64-byte class").isEqualTo(small2.address());
        assertThat(pool.allocate(64, 8).address()).isEqualTo(small.address());
        assertThat(pool.allocate(200, 8).address()).as("the 200-byte class kept its slot").isEqualTo(large.address());
        assertThat(pool.metrics().liveBlocks()).isEqualTo(3);
        assertThat(pool.metrics().liveBytes()).isEqualTo(64 + 64 + 200);
    }

    @Test
    void a_size_larger_than_the_slot_is_rejected_even_in_the_block_of_the_last_free() {
        MemorySegment first = pool.allocate(64, 8);
        MemorySegment second = pool.allocate(64, 8);
        pool.deallocate(first); // the 64-byte block is now the remembered one
        assertThatThrownBy(() -> pool.deallocate(second.reinterpret(72)))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(MemoryMisuseException.Kind.SIZE_MISMATCH));
        pool.deallocate(second);
        assertThat(pool.metrics().liveBlocks()).isZero();
    }

    @Test
    void a_small_block_the_parent_served_goes_back_to_the_parent_after_a_free_into_a_pool_block() {
        MemorySegment pooled = pool.allocate(8, 8);
        MemorySegment fromParent = pool.allocate(8, 2048);
        pool.deallocate(pooled);
        long parentBlocks = freeList.metrics().liveBlocks();
        pool.deallocate(fromParent);
        assertThat(freeList.metrics().liveBlocks()).isEqualTo(parentBlocks - 1);
        assertThat(pool.parentLiveBytes()).isZero();
    }

    @Test
    void slots_of_one_class_are_adjacent() {
        MemorySegment a = pool.allocate(100, 8);
        MemorySegment b = pool.allocate(100, 8);
        assertThat(b.address() - a.address()).isEqualTo(104);
    }

    @Test
    void requests_above_1024_bytes_go_to_the_parent() {
        pool.allocate(8, 8);
        long parentBlocks = freeList.metrics().liveBlocks();
        MemorySegment big = pool.allocate(1025, 8);
        assertThat(freeList.metrics().liveBlocks()).isEqualTo(parentBlocks + 1);
        assertThat(pool.parentLiveBytes()).isEqualTo(1025);
        pool.deallocate(big);
        assertThat(freeList.metrics().liveBlocks()).isEqualTo(parentBlocks);
        assertThat(pool.metrics().liveBytes()).isEqualTo(8);
    }

    @Test
    void an_aligned_small_request_uses_a_class_that_keeps_the_alignment() {
        MemorySegment line = pool.allocate(40, 64);
        MemorySegment next = pool.allocate(40, 64);
        assertThat(line.address() % 64).isZero();
        assertThat(next.address() % 64).isZero();
        assertThat(line.byteSize()).isEqualTo(40);
        pool.deallocate(line);
        pool.deallocate(next);
        MemorySegment page = pool.allocate(1000, 1024);
        assertThat(page.address() % 1024).isZero();
        assertThat(pool.parentLiveBytes()).isZero();
        MemorySegment beyond = pool.allocate(8, 2048);
        assertThat(beyond.address() % 2048).isZero();
        assertThat(pool.parentLiveBytes()).as("a 2048-aligned slot would exceed 1024 bytes").isEqualTo(8);
        pool.deallocate(beyond);
    }
}
