package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameAllocatorTest {

    private final TrackingBase base = new TrackingBase();
    private final FrameAllocator frame = Allocators.frame(base, 1024);

    @AfterEach
    void close() {
        frame.close();
        assertThat(base.liveBytes()).isZero();
    }

    @Test
    void the_arena_starts_64_byte_aligned_with_the_requested_capacity() {
        assertThat(frame.capacity()).isEqualTo(1024);
        assertThat(frame.memory().address() % FrameAllocator.ARENA_ALIGNMENT).isZero();
        assertThat(frame.memory().byteSize()).isEqualTo(1024);
        try (FrameAllocator defaultFrame = Allocators.frame(base)) {
            assertThat(defaultFrame.capacity()).isEqualTo(MemoryOptions.DEFAULT_FRAME_CAPACITY);
        }
    }

    @Test
    void allocations_bump_through_the_arena_and_reset_starts_over() {
        MemorySegment a = frame.allocate(10, 1);
        MemorySegment b = frame.allocate(8, 8);
        assertThat(b.address() - a.address()).isEqualTo(16);
        assertThat(frame.used()).isEqualTo(24);
        assertThat(frame.owns(a)).isTrue();
        assertThat(frame.canAllocate(1000)).isTrue();
        assertThat(frame.canAllocate(1001)).isFalse();

        frame.reset();

        assertThat(frame.used()).isZero();
        assertThat(frame.allocate(10, 1).address()).isEqualTo(a.address());
        assertThat(frame.highWaterMark()).isEqualTo(24);
        assertThat(frame.overflowCount()).isZero();
    }

    @Test
    void the_offset_path_hands_out_aligned_offsets_into_memory() {
        long ints = frame.allocateOffset(12, 4);
        long doubles = frame.allocateOffset(3 * 8, 8);
        long line = frame.allocateOffset(64, 64);
        assertThat(ints).isZero();
        assertThat(doubles).isEqualTo(16);
        assertThat(line).isEqualTo(64);
        MemorySegment memory = frame.memory();
        memory.setAtIndex(JAVA_DOUBLE, doubles / 8 + 2, 4.5);
        memory.set(JAVA_INT, ints + 8, 7);
        assertThat(memory.get(JAVA_DOUBLE, doubles + 16)).isEqualTo(4.5);
        assertThat(frame.metrics().liveBytes()).isEqualTo(12 + 24 + 64);
        assertThat(frame.metrics().liveBlocks()).isEqualTo(3);
    }

    @Test
    void an_offset_alignment_above_the_arena_alignment_is_rejected() {
        assertThatThrownBy(() -> frame.allocateOffset(8, 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame").hasMessageContaining("128");
    }

    @Test
    void a_segment_request_that_does_not_fit_is_served_from_the_base_and_counted() {
        frame.allocate(1000, 8);
        long baseBlocks = base.liveBlocks();
        MemorySegment big = frame.allocate(500, 8);
        big.fill((byte) 1);

        assertThat(frame.overflowCount()).isEqualTo(1);
        assertThat(base.liveBlocks()).isEqualTo(baseBlocks + 1);
        assertThat(frame.owns(big)).isTrue();
        assertThat(frame.highWaterMark()).isEqualTo(1500);

        frame.reset();

        assertThat(base.liveBlocks()).as("overflow released, arena replaced").isEqualTo(baseBlocks);
        assertThat(frame.capacity()).as("max(2 x 1024, 1000 + 500 + 256)").isEqualTo(2048);
        assertThat(frame.owns(big)).isFalse();
    }

    @Test
    void growth_at_reset_covers_a_frame_larger_than_twice_the_capacity() {
        frame.allocate(1000, 8);
        frame.allocate(5000, 8);
        frame.reset();
        assertThat(frame.capacity()).isEqualTo(Alignment.up(1000 + 5000 + 256, 64));
    }

    @Test
    void an_offset_request_that_does_not_fit_moves_the_arena_and_keeps_every_offset_valid() {
        long first = frame.allocateOffset(800, 8);
        frame.memory().set(JAVA_DOUBLE, first + 792, 3.25);
        MemorySegment slice = frame.allocate(100, 8);
        slice.set(JAVA_DOUBLE, 0, 9.0);
        MemorySegment before = frame.memory();

        long second = frame.allocateOffset(4000, 8);

        MemorySegment after = frame.memory();
        assertThat(after).isNotSameAs(before);
        assertThat(frame.capacity()).isGreaterThanOrEqualTo(second + 4000);
        assertThat(after.get(JAVA_DOUBLE, first + 792)).as("data copied").isEqualTo(3.25);
        assertThat(slice.get(JAVA_DOUBLE, 0)).as("old slices stay valid until reset").isEqualTo(9.0);
        assertThat(frame.overflowCount()).isEqualTo(1);
        after.set(JAVA_DOUBLE, second + 3992, 1.0);
        frame.reset();
        assertThat(frame.overflowCount()).isEqualTo(1);
    }

    /**
     * What the constraint solver does: per step, a few dozen arrays whose sizes follow the number
     * of contacts. After the first steps grow the arena, no later step overflows.
     */
    @Test
    void a_steady_solver_workload_stops_overflowing_after_warm_up() {
        FrameAllocator solverFrame = Allocators.frame(base);
        int[] contactsPerStep = {40, 160, 120, 150, 160, 90};
        for (int step = 0; step < 200; step++) {
            solverFrame.reset();
            int contacts = contactsPerStep[step % contactsPerStep.length];
            for (int array = 0; array < 30; array++) {
                long offset = solverFrame.allocateOffset(contacts * 3L * Double.BYTES, Double.BYTES);
                solverFrame.memory().setAtIndex(JAVA_DOUBLE, offset / 8 + contacts * 3L - 1, step);
            }
            for (int array = 0; array < 6; array++) {
                solverFrame.allocateOffset(contacts * (long) Integer.BYTES, Integer.BYTES);
            }
            if (step == 5) {
                assertThat(solverFrame.overflowCount()).as("the first frames grow the arena").isPositive();
            }
        }
        long overflowsAfterWarmUp = solverFrame.overflowCount();
        for (int step = 0; step < 100; step++) {
            solverFrame.reset();
            for (int array = 0; array < 30; array++) {
                solverFrame.allocateOffset(160 * 3L * Double.BYTES, Double.BYTES);
            }
        }
        assertThat(solverFrame.overflowCount()).isEqualTo(overflowsAfterWarmUp);
        assertThat(solverFrame.highWaterMark()).isLessThanOrEqualTo(solverFrame.capacity());
        solverFrame.close();
    }

    @Test
    void a_segment_from_elsewhere_is_not_owned() {
        try (Arena arena = Arena.ofConfined()) {
            assertThat(frame.owns(arena.allocate(8))).isFalse();
        }
        frame.deallocate(frame.allocate(8, 8)); // a no-op, by contract
        assertThat(frame.metrics().liveBlocks()).isEqualTo(1);
    }

    /** The cursor counts a frame's blocks in 23 bits; more blocks than that move out of it. */
    @Test
    void a_frame_with_more_blocks_than_the_cursor_holds_keeps_exact_metrics() {
        int blocks = (1 << 23) + 10;
        for (int i = 0; i < blocks; i++) {
            frame.allocateOffset(0, 1);
        }
        long offset = frame.allocateOffset(16, 8);
        frame.allocate(8, 8);
        assertThat(offset).isZero();
        assertThat(frame.used()).isEqualTo(24);
        assertThat(frame.metrics().liveBlocks()).isEqualTo(blocks + 2);
        assertThat(frame.metrics().liveBytes()).isEqualTo(24);
        frame.reset();
        assertThat(frame.metrics().allocationCount()).isEqualTo(blocks + 2);
        assertThat(frame.metrics().liveBlocks()).isZero();
    }

    @Test
    void a_request_larger_than_any_arena_fails_without_touching_the_frame() {
        frame.allocateOffset(8, 8);
        assertThatThrownBy(() -> frame.allocateOffset(Long.MAX_VALUE - 4, 8)).isInstanceOf(OutOfMemoryError.class)
                .hasMessageContaining("frame");
        assertThat(frame.used()).isEqualTo(8);
        assertThat(frame.metrics().liveBlocks()).isEqualTo(1);
        assertThatThrownBy(() -> Allocators.frame(base, BumpFrameAllocator.MAX_CAPACITY + 64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_initial_capacity_below_64_bytes_is_rejected() {
        assertThatThrownBy(() -> Allocators.frame(base, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
    }

    @Test
    void debug_frame_behaves_like_the_frame_it_wraps() {
        FrameAllocator debug = Allocators.debugFrame(Allocators.frame(base, 256));
        long offset = debug.allocateOffset(1000, 8);
        debug.memory().set(JAVA_DOUBLE, offset + 992, 2.0);
        assertThat(debug.memory().get(JAVA_DOUBLE, offset + 992)).isEqualTo(2.0);
        assertThat(debug.overflowCount()).isEqualTo(1);
        MemorySegment block = debug.allocate(40, 8);
        assertThat(debug.owns(block)).isTrue();
        debug.reset();
        assertThat(debug.owns(block)).isFalse();
        assertThat(debug.used()).isZero();
        debug.close();
    }
}
