package org.worldbench.simulation;

import org.worldbench.memory.FailureCollector;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.MemoryAllocator;

/**
 * The allocators one skeleton owns in the {@link Allocation#INLINE} configuration, the design the
 * hierarchical one replaced: a free list of its own on the base (which reserves a whole chunk,
 * 1 MiB, for a block of a few KiB: the bloat) and a pool over it, as the earlier design gave every
 * component. The skeleton's body block comes from the free list, as in HIERARCHICAL, so the two
 * configurations differ only in who owns the allocator. In debug mode both are debug variants, so
 * a leak names this skeleton's allocator ({@code "free-list(World#3/chain)"}).
 */
final class InlineAllocators implements AutoCloseable {

    private final MemoryAllocator freeList;
    private final MemoryAllocator pool;

    private InlineAllocators(MemoryAllocator freeList, MemoryAllocator pool) {
        this.freeList = freeList;
        this.pool = pool;
    }

    /** @param owner who the allocators belong to, e.g. {@code "World#3/chain"}: their names carry it */
    static InlineAllocators create(MemoryAllocator base, String owner, boolean debug, boolean captureSites) {
        MemoryAllocator rawFreeList = Allocators.freeList(base, "free-list(" + owner + ")");
        MemoryAllocator rawPool = Allocators.pool(rawFreeList, "pool(" + owner + ")");
        if (!debug) {
            return new InlineAllocators(rawFreeList, rawPool);
        }
        // As in MemoryManager: the pool's slabs come from the raw free list, only callers' blocks are tracked.
        return new InlineAllocators(Allocators.debug(rawFreeList, captureSites), Allocators.debug(rawPool, captureSites));
    }

    MemoryAllocator freeList() {
        return freeList;
    }

    MemoryAllocator pool() {
        return pool;
    }

    /** The pool before the free list it lives in; the free list gives its chunks back to the base. */
    @Override
    public void close() {
        FailureCollector failures = new FailureCollector();
        failures.run(pool::close);
        failures.run(freeList::close);
        failures.throwIfAny();
    }
}
