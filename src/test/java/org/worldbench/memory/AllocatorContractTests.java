package org.worldbench.memory;

import org.junit.jupiter.api.Nested;

/** The {@link AllocatorContract} run against every allocator and every debug variant. */
class AllocatorContractTests {

    @Nested
    class DefaultAllocator extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return MemoryAllocator.defaultAllocator(); }
        @Override boolean reclaimsOnClose() { return false; }
    }

    @Nested
    class FreeList extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.freeList(base); }
    }

    @Nested
    class Pool extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.pool(base); }
        // Large blocks belong to the parent (the base here), which the pool does not track.
        @Override boolean reclaimsOnClose() { return false; }
    }

    @Nested
    class PoolOverFreeList extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return new Stack(base); }
    }

    @Nested
    class Frame extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.frame(base, 4096); }
        @Override boolean freesIndividually() { return false; }
        @Override void releaseAll(MemoryAllocator allocator) { ((FrameAllocator) allocator).reset(); }
    }

    @Nested
    class DebugDefaultAllocator extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.debug(base, true); }
        @Override boolean reportsLeaks() { return true; }
    }

    @Nested
    class DebugFreeList extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.debug(Allocators.freeList(base)); }
        @Override boolean reportsLeaks() { return true; }
    }

    @Nested
    class DebugPool extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.debug(new Stack(base), true); }
        @Override boolean reportsLeaks() { return true; }
    }

    @Nested
    class DebugFrame extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return Allocators.debugFrame(Allocators.frame(base, 4096)); }
        @Override boolean freesIndividually() { return false; }
        @Override void releaseAll(MemoryAllocator allocator) { ((FrameAllocator) allocator).reset(); }
    }

    @Nested
    class ManagerPoolInDebugMode extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) { return new ManagerView(base, MemoryManager.Type.POOL); }
        @Override boolean reportsLeaks() { return true; }
    }

    @Nested
    class ManagerBaseView extends AllocatorContract {
        @Override MemoryAllocator create(TrackingBase base) {
            return new ManagerView(base, MemoryManager.Type.BASE, MemoryOptions.release());
        }
    }

    /** A pool over a free list, closed together, as a MemoryManager builds them. */
    static final class Stack implements MemoryAllocator {
        private final MemoryAllocator freeList;
        private final MemoryAllocator pool;

        Stack(MemoryAllocator base) {
            freeList = Allocators.freeList(base);
            pool = Allocators.pool(freeList);
        }

        @Override public java.lang.foreign.MemorySegment allocate(long size, long alignment) { return pool.allocate(size, alignment); }
        @Override public void deallocate(java.lang.foreign.MemorySegment segment) { pool.deallocate(segment); }
        @Override public String name() { return pool.name(); }
        @Override public AllocatorMetrics metrics() { return pool.metrics(); }
        @Override public void close() { pool.close(); freeList.close(); }
    }

    /** One allocator of a MemoryManager, closing the whole manager. */
    static final class ManagerView implements MemoryAllocator {
        private final MemoryManager manager;
        private final MemoryAllocator view;

        ManagerView(MemoryAllocator base, MemoryManager.Type type) {
            this(base, type, MemoryOptions.debugging());
        }

        ManagerView(MemoryAllocator base, MemoryManager.Type type, MemoryOptions options) {
            manager = new MemoryManager(base, options, "World#7");
            view = manager.get(type);
        }

        @Override public java.lang.foreign.MemorySegment allocate(long size, long alignment) { return view.allocate(size, alignment); }
        @Override public void deallocate(java.lang.foreign.MemorySegment segment) { view.deallocate(segment); }
        @Override public String name() { return view.name(); }
        @Override public AllocatorMetrics metrics() { return view.metrics(); }
        @Override public void close() { manager.close(); }
    }
}
