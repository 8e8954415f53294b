package org.worldbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.worldbench.memory.MemoryMisuseException.Kind;

/** Each kind of misuse is caught by the debug variants, with a message naming allocator, address and size. */
class MemoryMisuseTest {

    private final TrackingBase base = new TrackingBase();
    private final MemoryManager manager = new MemoryManager(base, MemoryOptions.debugging(), "World#3");

    @AfterEach
    void closeManager() {
        try {
            manager.close();
        } catch (MemoryMisuseException ignored) {
            // tests that leak on purpose check the report themselves
        }
        assertThat(base.liveBytes()).as("everything returned to the base").isZero();
    }

    @Test
    void double_free_is_reported_with_address_and_size() {
        MemorySegment block = manager.allocate(MemoryManager.Type.POOL, 48);
        manager.deallocate(MemoryManager.Type.POOL, block);

        assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.POOL, block))
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DOUBLE_FREE);
                    assertThat(e.allocator()).isEqualTo("pool(World#3)");
                    assertThat(e.address()).isEqualTo(block.address());
                    assertThat(e.size()).isEqualTo(48);
                })
                .hasMessageContaining("pool(World#3)")
                .hasMessageContaining("double free")
                .hasMessageContaining("0x" + Long.toHexString(block.address()))
                .hasMessageContaining("48 bytes");
    }

    @Test
    void double_free_is_caught_even_when_the_address_was_given_out_again() {
        MemorySegment first = manager.allocate(MemoryManager.Type.FREE_LIST, 64);
        manager.deallocate(MemoryManager.Type.FREE_LIST, first);
        MemorySegment second = manager.allocate(MemoryManager.Type.FREE_LIST, 64);
        assertThat(second.address()).as("the free list reuses the block at once").isEqualTo(first.address());

        assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.FREE_LIST, first))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.DOUBLE_FREE));
        second.set(ValueLayout.JAVA_LONG, 0, 7); // the live block is untouched and usable
        manager.deallocate(MemoryManager.Type.FREE_LIST, second);
    }

    @Test
    void freeing_a_segment_from_elsewhere_is_a_foreign_free() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stranger = arena.allocate(32);
            assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.FREE_LIST, stranger))
                    .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.FOREIGN_FREE);
                        assertThat(e.address()).isEqualTo(stranger.address());
                    })
                    .hasMessageContaining("free-list(World#3)")
                    .hasMessageContaining("32 bytes");
        }
    }

    @Test
    void freeing_to_the_wrong_allocator_of_the_manager_is_a_foreign_free() {
        MemorySegment pooled = manager.allocate(MemoryManager.Type.POOL, 16);
        assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.FREE_LIST, pooled))
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.FOREIGN_FREE));
        manager.deallocate(MemoryManager.Type.POOL, pooled);
    }

    @Test
    void freeing_a_slice_is_a_size_mismatch() {
        MemorySegment block = manager.allocate(MemoryManager.Type.POOL, 256);
        assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.POOL, block.asSlice(0, 128)))
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SIZE_MISMATCH);
                    assertThat(e.size()).isEqualTo(128);
                })
                .hasMessageContaining("allocated with 256 bytes");
        manager.deallocate(MemoryManager.Type.POOL, block);
    }

    @Test
    void writing_past_the_end_is_reported_as_an_overrun_on_free() {
        MemorySegment block = manager.allocate(MemoryManager.Type.FREE_LIST, 40);
        // What native code or a careless reinterpret can do; the JVM's bounds check stops plain code.
        block.reinterpret(43).set(ValueLayout.JAVA_BYTE, 42, (byte) 1);

        assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.FREE_LIST, block))
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OVERRUN))
                .hasMessageContaining("byte 2 past the end")
                .hasMessageContaining("0x" + Long.toHexString(block.address()))
                .hasMessageContaining("40 bytes");
    }

    @Test
    void writing_before_the_start_is_reported_as_an_underrun() {
        MemorySegment block = manager.allocate(MemoryManager.Type.POOL, 24);
        MemorySegment.ofAddress(block.address() - 1).reinterpret(1).set(ValueLayout.JAVA_BYTE, 0, (byte) 0);

        assertThatThrownBy(() -> manager.deallocate(MemoryManager.Type.POOL, block))
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OVERRUN))
                .hasMessageContaining("byte 1 before the block");
    }

    @Test
    void an_overrun_in_a_block_still_live_is_reported_at_close() {
        MemorySegment block = manager.allocate(MemoryManager.Type.BASE, 100);
        block.reinterpret(101).set(ValueLayout.JAVA_BYTE, 100, (byte) 0);

        assertThatThrownBy(manager::close)
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.LEAK);
                    assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOfSatisfying(MemoryMisuseException.class,
                                    overrun -> assertThat(overrun.kind()).isEqualTo(Kind.OVERRUN));
                });
    }

    @Test
    void using_a_freed_block_throws_instead_of_reading_another_block() {
        MemorySegment block = manager.allocate(MemoryManager.Type.POOL, 64);
        manager.deallocate(MemoryManager.Type.POOL, block);
        MemorySegment reused = manager.allocate(MemoryManager.Type.POOL, 64);

        assertThatThrownBy(() -> block.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
        manager.deallocate(MemoryManager.Type.POOL, reused);
    }

    @Test
    void a_frame_segment_is_unusable_after_reset() {
        FrameAllocator frame = manager.getFrameAllocator();
        MemorySegment scratch = frame.allocate(128, 8);
        scratch.set(ValueLayout.JAVA_DOUBLE, 0, 1.5);
        MemorySegment memory = frame.memory();
        long offset = frame.allocateOffset(64, 8);
        memory = frame.memory();
        memory.set(ValueLayout.JAVA_DOUBLE, offset, 2.5);

        frame.reset();

        assertThatThrownBy(() -> scratch.get(ValueLayout.JAVA_DOUBLE, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        MemorySegment staleMemory = memory;
        assertThatThrownBy(() -> staleMemory.get(ValueLayout.JAVA_DOUBLE, offset))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> frame.deallocate(scratch))
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.USE_AFTER_RESET);
                    assertThat(e.size()).isEqualTo(128);
                })
                .hasMessageContaining("frame(World#3)");
        assertThat(frame.allocate(128, 8).get(ValueLayout.JAVA_BYTE, 0)).as("the next frame works").isNotNull();
    }

    @Test
    void a_frame_overrun_on_the_offset_path_is_reported_at_reset() {
        FrameAllocator frame = manager.getFrameAllocator();
        long offset = frame.allocateOffset(32, 8);
        frame.memory().set(ValueLayout.JAVA_LONG, offset + 32, 0L);

        assertThatThrownBy(frame::reset)
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.OVERRUN);
                    assertThat(e.size()).isEqualTo(32);
                })
                .hasMessageContaining("offset " + offset);
        assertThat(frame.used()).as("the reset still happened").isZero();
    }

    @Test
    void a_frame_segment_freed_twice_in_one_frame_is_a_double_free() {
        FrameAllocator frame = manager.getFrameAllocator();
        MemorySegment scratch = frame.allocate(16, 8);
        frame.deallocate(scratch);
        assertThatThrownBy(() -> frame.deallocate(scratch))
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DOUBLE_FREE));
    }

    @Test
    void a_call_from_a_second_thread_is_reported() {
        MemorySegment block = manager.allocate(MemoryManager.Type.POOL, 32);

        Throwable fromOtherThread = failureOf(CompletableFuture.runAsync(
                () -> manager.allocate(MemoryManager.Type.FREE_LIST, 10)));
        assertThat(fromOtherThread).isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.WRONG_THREAD);
            assertThat(e.size()).isEqualTo(10);
        }).hasMessageContaining("free-list(World#3)").hasMessageContaining(Thread.currentThread().getName());

        Throwable freeFromOtherThread = failureOf(CompletableFuture.runAsync(
                () -> manager.deallocate(MemoryManager.Type.POOL, block)));
        assertThat(freeFromOtherThread).isInstanceOfSatisfying(MemoryMisuseException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_THREAD));

        Throwable resetFromOtherThread = failureOf(CompletableFuture.runAsync(
                () -> manager.getFrameAllocator().reset()));
        assertThat(resetFromOtherThread).isInstanceOfSatisfying(MemoryMisuseException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_THREAD));

        Throwable touchFromOtherThread = failureOf(CompletableFuture.runAsync(
                () -> block.get(ValueLayout.JAVA_INT, 0)));
        assertThat(touchFromOtherThread).as("the block itself is confined too").isInstanceOf(WrongThreadException.class);
        manager.deallocate(MemoryManager.Type.POOL, block);
    }

    @Test
    void leaks_at_close_are_listed_with_owner_count_bytes_and_allocation_site() {
        manager.allocate(MemoryManager.Type.POOL, 40);
        manager.allocate(MemoryManager.Type.POOL, 24);
        MemorySegment freed = manager.allocate(MemoryManager.Type.POOL, 8);
        manager.deallocate(MemoryManager.Type.POOL, freed);

        assertThatThrownBy(manager::close)
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.LEAK))
                .hasMessageContaining("pool(World#3)")
                .hasMessageContaining("2 block(s), 64 bytes still live at close")
                .hasMessageContaining("allocated")
                .hasMessageContaining(MemoryMisuseTest.class.getName() + ".leaks_at_close");
    }

    @Test
    void leaks_in_several_allocators_are_all_reported() {
        manager.allocate(MemoryManager.Type.POOL, 40);
        manager.allocate(MemoryManager.Type.FREE_LIST, 4000);
        manager.allocate(MemoryManager.Type.BASE, 1 << 20);

        assertThatThrownBy(manager::close)
                .isInstanceOfSatisfying(MemoryMisuseException.class, e -> {
                    assertThat(e.getMessage()).contains("pool(World#3)");
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                            .anySatisfy(m -> assertThat(m).contains("free-list(World#3)", "4000 bytes"))
                            .anySatisfy(m -> assertThat(m).contains("base(World#3)", "1048576 bytes"));
                });
    }

    @Test
    void release_mode_free_list_still_catches_double_and_foreign_frees() {
        try (MemoryAllocator freeList = Allocators.freeList(base, "free-list(World#9)")) {
            MemorySegment block = freeList.allocate(100, 8);
            freeList.deallocate(block);
            assertThatThrownBy(() -> freeList.deallocate(block))
                    .isInstanceOfSatisfying(MemoryMisuseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DOUBLE_FREE))
                    .hasMessageContaining("free-list(World#9)");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment stranger = arena.allocate(100);
                assertThatThrownBy(() -> freeList.deallocate(stranger))
                        .isInstanceOfSatisfying(MemoryMisuseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FOREIGN_FREE));
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        try {
            future.get();
            throw new AssertionError("expected the call from another thread to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
