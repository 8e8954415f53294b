package org.worldbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.worldbench.memory.MemoryManager.Type;

class MemoryManagerTest {

    private final TrackingBase base = new TrackingBase();

    @Test
    void each_type_is_served_by_its_own_allocator() {
        try (MemoryManager manager = new MemoryManager(base, MemoryOptions.release(), "World#1")) {
            for (Type type : Type.values()) {
                MemorySegment block = manager.allocate(type, 100);
                assertThat(block.address() % MemoryManager.DEFAULT_ALIGNMENT).isZero();
                assertThat(manager.get(type).metrics().liveBytes()).as("%s", type).isEqualTo(100);
                MemorySegment aligned = manager.allocate(type, 10, 256);
                assertThat(aligned.address() % 256).isZero();
                manager.deallocate(type, aligned);
                manager.deallocate(type, block);
            }
            assertThat(manager.getBaseAllocator()).isSameAs(manager.get(Type.BASE));
            assertThat(manager.getFreeListAllocator()).isSameAs(manager.get(Type.FREE_LIST));
            assertThat(manager.getPoolAllocator()).isSameAs(manager.get(Type.POOL));
            assertThat(manager.getFrameAllocator()).isSameAs(manager.get(Type.FRAME));
            assertThat(manager.getPoolAllocator().name()).isEqualTo("pool(World#1)");
            assertThat(manager.getFrameAllocator().name()).isEqualTo("frame(World#1)");
            assertThat(manager.owner()).isEqualTo("World#1");
            assertThat(manager.isDebug()).isFalse();
        }
        assertThat(base.liveBytes()).isZero();
    }

    @Test
    void close_returns_every_byte_to_the_base_including_forgotten_blocks() {
        MemoryManager manager = new MemoryManager(base, MemoryOptions.release(), "World#2");
        for (Type type : Type.values()) {
            manager.allocate(type, 3000);
            manager.allocate(type, 24);
        }
        manager.getFrameAllocator().allocateOffset(200_000, 8);
        assertThat(base.liveBytes()).isPositive();

        manager.close();

        assertThat(base.liveBytes()).isZero();
        assertThat(base.liveBlocks()).isZero();
        assertThatCode(manager::close).doesNotThrowAnyException();
    }

    @Test
    void the_base_is_borrowed_not_closed() {
        MemoryAllocator sharedBase = Allocators.freeList(base);
        new MemoryManager(sharedBase, MemoryOptions.release(), "World#4").close();
        MemorySegment stillWorks = sharedBase.allocate(64, 8);
        sharedBase.deallocate(stillWorks);
        sharedBase.close();
        assertThat(base.liveBytes()).isZero();
    }

    @Test
    void debug_mode_wraps_every_allocator_and_names_the_owner_in_leak_reports() {
        MemoryManager manager = new MemoryManager(base, MemoryOptions.release().withDebug(true), "World#3");
        assertThat(manager.isDebug()).isTrue();
        assertThat(manager.getPoolAllocator()).isInstanceOf(DebugAllocator.class);
        assertThat(manager.getFrameAllocator()).isInstanceOf(DebugFrameAllocator.class);
        manager.allocate(Type.FREE_LIST, 77);

        assertThatThrownBy(manager::close)
                .isInstanceOf(MemoryMisuseException.class)
                .hasMessageContaining("free-list(World#3)")
                .hasMessageContaining("1 block(s), 77 bytes")
                .hasMessageContaining(MemoryOptions.SITES_PROPERTY);
        assertThat(base.liveBytes()).isZero();
    }

    @Test
    void the_frame_capacity_comes_from_the_options() {
        try (MemoryManager manager = new MemoryManager(base, MemoryOptions.release().withFrameCapacity(1 << 20))) {
            assertThat(manager.getFrameAllocator().capacity()).isEqualTo(1 << 20);
        }
    }
}
