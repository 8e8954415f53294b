package org.worldbench.memory;

import java.lang.foreign.MemorySegment;

/**
 * The memory of one World: a base allocator it borrows, and a free list, a size-class pool and a
 * frame allocator it owns.
 *
 * <pre>
 *  base (shared, not owned; e.g. MemoryAllocator.defaultAllocator())
 *   ├── free list   FREE_LIST  (1 MiB chunks from the base)
 *   │     └── pool  POOL       (16 KiB blocks from the free list; &gt; 1 KiB goes to the free list)
 *   └── frame       FRAME      (one arena from the base, reset every step)
 * </pre>
 *
 * <p>{@link #allocate(Type, long)} routes to the allocator of that type; {@link #deallocate} must
 * name the same type. {@link #close()} returns everything to the base, including blocks the caller
 * forgot to free. In debug mode ({@link MemoryOptions#debug()}) every allocator handed out is its
 * debug variant, and {@code close()} throws a {@link MemoryMisuseException} listing the leaks,
 * naming the owner (e.g. {@code "pool(World#3)"}).
 *
 * <p>Single-threaded: one World, one thread at a time. In debug mode the manager is confined to
 * the thread that built it.
 */
public final class MemoryManager implements AutoCloseable {

    /** Which allocator of the manager serves a request. */
    public enum Type {
        /** The base allocator itself: large, long-lived blocks. */
        BASE,
        /** The free list: blocks of any size with individual lifetimes. */
        FREE_LIST,
        /** The pool: small blocks (up to 1 KiB) allocated and freed often. */
        POOL,
        /** The frame allocator: scratch memory valid until the next reset (the next step). */
        FRAME
    }

    /** Alignment of {@link #allocate(Type, long)}: enough for any Java primitive. */
    public static final long DEFAULT_ALIGNMENT = 8;

    private final String owner;
    private final MemoryOptions options;
    private final MemoryAllocator baseAllocator;
    private final MemoryAllocator freeList;
    private final MemoryAllocator pool;
    private final FrameAllocator frame;
    private boolean closed;

    /** A manager over {@code base} with options from the system properties ({@link MemoryOptions#defaults()}). */
    public MemoryManager(MemoryAllocator base) {
        this(base, MemoryOptions.defaults());
    }

    public MemoryManager(MemoryAllocator base, MemoryOptions options) {
        this(base, options, "unnamed");
    }

    /**
     * @param owner a name for the owner, e.g. {@code "World#3"}: allocator names and error messages
     *              carry it
     */
    public MemoryManager(MemoryAllocator base, MemoryOptions options, String owner) {
        this.owner = owner;
        this.options = options;
        BorrowedAllocator borrowed = new BorrowedAllocator(base, "base(" + owner + ")");
        FreeListAllocator rawFreeList = new FreeListAllocator(base, "free-list(" + owner + ")");
        PoolAllocator rawPool = new PoolAllocator(rawFreeList, "pool(" + owner + ")");
        BumpFrameAllocator rawFrame = new BumpFrameAllocator(base, options.frameCapacity(), "frame(" + owner + ")");
        if (options.debug()) {
            boolean sites = options.captureAllocationSites();
            this.baseAllocator = new DebugAllocator(borrowed, sites, true);
            // The pool's own blocks come from the raw free list: only the caller's blocks are tracked.
            this.freeList = new DebugAllocator(rawFreeList, sites, true);
            this.pool = new DebugAllocator(rawPool, sites, true);
            this.frame = new DebugFrameAllocator(rawFrame);
        } else {
            this.baseAllocator = borrowed;
            this.freeList = rawFreeList;
            this.pool = rawPool;
            this.frame = rawFrame;
        }
    }

    /** Allocates {@code byteSize} bytes aligned to {@value #DEFAULT_ALIGNMENT} from the allocator of {@code type}. */
    public MemorySegment allocate(Type type, long byteSize) {
        return get(type).allocate(byteSize, DEFAULT_ALIGNMENT);
    }

    /** Allocates {@code byteSize} bytes aligned to {@code byteAlignment} (a power of two). */
    public MemorySegment allocate(Type type, long byteSize, long byteAlignment) {
        return get(type).allocate(byteSize, byteAlignment);
    }

    /** Frees a segment obtained from {@link #allocate} with the same {@code type}. */
    public void deallocate(Type type, MemorySegment segment) {
        get(type).deallocate(segment);
    }

    /** The allocator serving {@code type}. */
    public MemoryAllocator get(Type type) {
        return switch (type) {
            case BASE -> baseAllocator;
            case FREE_LIST -> freeList;
            case POOL -> pool;
            case FRAME -> frame;
        };
    }

    public MemoryAllocator getBaseAllocator() {
        return baseAllocator;
    }

    public MemoryAllocator getFreeListAllocator() {
        return freeList;
    }

    public MemoryAllocator getPoolAllocator() {
        return pool;
    }

    public FrameAllocator getFrameAllocator() {
        return frame;
    }

    public String owner() {
        return owner;
    }

    public MemoryOptions options() {
        return options;
    }

    public boolean isDebug() {
        return options.debug();
    }

    /**
     * Frees everything: the pool's blocks go back to the free list, the free list's chunks and the
     * frame's arena to the base, and blocks allocated directly from the base are freed. In debug
     * mode, then throws the first leak or overrun report (the others are attached as suppressed).
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FailureCollector failures = new FailureCollector();
        // The pool before the free list it lives in.
        failures.run(pool::close);
        failures.run(freeList::close);
        failures.run(frame::close);
        failures.run(baseAllocator::close);
        failures.throwIfAny();
    }

    @Override
    public String toString() {
        return "MemoryManager(" + owner + (options.debug() ? ", debug" : "") + ")";
    }
}
