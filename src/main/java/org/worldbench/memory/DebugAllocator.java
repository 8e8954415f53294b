package org.worldbench.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Debug variant of any {@link MemoryAllocator}: same results, but every misuse fails loudly with a
 * {@link MemoryMisuseException} naming the allocator, the address and the size.
 *
 * <ul>
 *   <li>Every block is surrounded by guard bytes (see {@link Guards}); they are checked on free and
 *       on close, so an overrun by native code or a {@code reinterpret}ed segment is reported.</li>
 *   <li>Each block handed out is a view in a confined {@link Arena} of its own, closed when the
 *       block is freed: reading or writing a freed block throws {@link IllegalStateException}
 *       instead of corrupting a new block, and a second thread touching it gets
 *       {@link WrongThreadException} from the JVM.</li>
 *   <li>A free of a block whose view is already closed is a double free; a free of an address this
 *       wrapper never gave out (or of a stale view whose address was reused) is a foreign free; a
 *       segment of another size than was allocated is a size mismatch.</li>
 *   <li>The wrapper is confined to the thread that created it; a call from another thread fails.</li>
 *   <li>{@link #close()} frees the blocks still live, closes the wrapped allocator (when it owns
 *       it), then reports the leaks: count, bytes, each block and, with allocation-site capture
 *       on, where it was allocated.</li>
 * </ul>
 * Costs about a hash-map entry, an {@code Arena} and two fills per block: for tests and debugging,
 * not for benchmarks.
 */
final class DebugAllocator implements MemoryAllocator {

    private static final int LISTED_LEAKS = 20;
    private static final int SITE_FRAMES = 6;

    private record Block(MemorySegment raw, MemorySegment view, Arena scope, long front, AllocationSite site) {
    }

    private final MemoryAllocator inner;
    private final boolean closesInner;
    private final boolean captureSites;
    private final OwnerThread owner = new OwnerThread();
    private final Map<Long, Block> live = new HashMap<>();
    private final Counters counters = new Counters();
    private final AllocatorMetrics metrics;
    private boolean closed;

    DebugAllocator(MemoryAllocator inner, boolean captureSites, boolean closesInner) {
        this.inner = inner;
        this.captureSites = captureSites;
        this.closesInner = closesInner;
        this.metrics = new DebugMetrics(counters, inner);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        checkThread(0, byteSize);
        Alignment.check(byteSize, byteAlignment);
        if (closed) {
            throw new IllegalStateException(name() + ": allocator is closed");
        }
        long front = Guards.front(byteAlignment);
        MemorySegment raw = inner.allocate(front + byteSize + Guards.BACK, Math.max(byteAlignment, 8));
        Guards.arm(raw, front, byteSize);
        Arena scope = Arena.ofConfined();
        MemorySegment view = raw.asSlice(front, byteSize).reinterpret(scope, null);
        live.put(view.address(), new Block(raw, view, scope, front, captureSites ? new AllocationSite() : null));
        counters.allocated(byteSize);
        return view;
    }

    @Override
    public void deallocate(MemorySegment segment) {
        long address = segment.address();
        checkThread(address, segment.byteSize());
        Block block = live.get(address);
        if (block == null || !block.view.scope().equals(segment.scope())) {
            if (!segment.scope().isAlive()) {
                throw misuse(MemoryMisuseException.Kind.DOUBLE_FREE, segment, "the block was already freed");
            }
            throw misuse(MemoryMisuseException.Kind.FOREIGN_FREE, segment,
                    "this allocator never gave out this segment");
        }
        if (block.view.byteSize() != segment.byteSize()) {
            throw misuse(MemoryMisuseException.Kind.SIZE_MISMATCH, segment,
                    "the block was allocated with " + block.view.byteSize() + " bytes");
        }
        long damage = Guards.firstDamage(block.raw, block.front, segment.byteSize());
        live.remove(address);
        release(block);
        if (damage != Long.MIN_VALUE) {
            throw misuse(MemoryMisuseException.Kind.OVERRUN, segment,
                    Guards.describeDamage(damage, segment.byteSize()) + siteOf(block));
        }
    }

    private void release(Block block) {
        long size = block.view.byteSize();
        block.scope.close();
        block.raw.fill(Guards.FREED);
        inner.deallocate(block.raw);
        counters.freed(size);
    }

    private MemoryMisuseException misuse(MemoryMisuseException.Kind kind, MemorySegment segment, String detail) {
        return MemoryMisuseException.of(kind, name(), segment, detail);
    }

    private void checkThread(long address, long size) {
        owner.check(name(), address, size);
    }

    private static String siteOf(Block block) {
        return block.site == null ? "" : "; allocated" + block.site.describe(SITE_FRAMES);
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** Live bytes, blocks and counts as the caller sees them; reserved bytes are the wrapped allocator's. */
    @Override
    public AllocatorMetrics metrics() {
        return metrics;
    }

    /**
     * Frees every live block, closes the wrapped allocator if this wrapper owns it, and throws a
     * {@link MemoryMisuseException} of kind LEAK (or OVERRUN) when blocks were still live.
     */
    @Override
    public void close() {
        checkThread(0, 0);
        if (closed) {
            return;
        }
        closed = true;
        long leakedBytes = 0;
        long count = live.size();
        long firstAddress = 0;
        long firstSize = 0;
        StringBuilder listing = new StringBuilder();
        MemoryMisuseException overrun = null;
        int listed = 0;
        for (Iterator<Block> blocks = live.values().iterator(); blocks.hasNext(); ) {
            Block block = blocks.next();
            long size = block.view.byteSize();
            long address = block.view.address();
            if (listed == 0) {
                firstAddress = address;
                firstSize = size;
            }
            leakedBytes += size;
            long damage = Guards.firstDamage(block.raw, block.front, size);
            if (damage != Long.MIN_VALUE && overrun == null) {
                overrun = new MemoryMisuseException(MemoryMisuseException.Kind.OVERRUN, name(), address, size,
                        Guards.describeDamage(damage, size) + " (found at close)" + siteOf(block));
            }
            if (listed++ < LISTED_LEAKS) {
                listing.append("\n    ").append(MemoryMisuseException.hex(address))
                        .append(" (").append(size).append(" bytes)").append(siteOf(block));
            }
            blocks.remove();
            release(block);
        }
        if (count > LISTED_LEAKS) {
            listing.append("\n    ... and ").append(count - LISTED_LEAKS).append(" more");
        }
        if (closesInner) {
            inner.close();
        }
        MemoryMisuseException leak = count == 0 ? null
                : MemoryMisuseException.leaks(name(), count, leakedBytes, firstAddress, firstSize,
                        captureSites ? listing.toString()
                                : listing + "\n    (set " + MemoryOptions.SITES_PROPERTY + "=true to see where)");
        if (leak != null && overrun != null) {
            leak.addSuppressed(overrun);
        }
        if (leak != null) {
            throw leak;
        }
        if (overrun != null) {
            throw overrun;
        }
    }

    @Override
    public String toString() {
        return name() + " [debug, " + counters + "]";
    }
}
