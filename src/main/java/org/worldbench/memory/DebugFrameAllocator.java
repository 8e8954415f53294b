package org.worldbench.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * Debug variant of a {@link FrameAllocator}: what C++ cannot do, the JVM can. Every segment handed
 * out during a frame, and the {@link #memory()} view for the offset path, belong to a confined
 * {@link Arena} that {@link #reset()} closes: touching frame memory after the reset throws
 * {@link IllegalStateException} ("Already closed") instead of reading the next frame's data.
 *
 * <p>Also: guard bytes around every block (segment and offset paths), checked at reset and close;
 * a {@link MemoryMisuseException} for a free of a segment from an earlier frame (USE_AFTER_RESET),
 * of a segment this frame never gave out (FOREIGN_FREE), of the wrong size (SIZE_MISMATCH) or
 * twice (DOUBLE_FREE, though a frame free is otherwise a no-op); and confinement to the creating
 * thread (WRONG_THREAD). Frame memory cannot leak: reset releases it by contract.
 */
final class DebugFrameAllocator implements FrameAllocator {

    private static final long OFFSET_FRONT = 16;

    /** A block of this frame: raw address and size in the inner allocator, payload size. */
    private record Block(MemorySegment raw, long front, long size, boolean viaOffset) {
    }

    private final FrameAllocator inner;
    private final OwnerThread owner = new OwnerThread();
    private final Counters counters = new Counters();
    private final AllocatorMetrics metrics;
    private final Map<Long, Block> frameBlocks = new HashMap<>();
    private final Map<Long, Boolean> freedThisFrame = new HashMap<>();
    private Arena frameScope = Arena.ofConfined();
    private MemorySegment memoryView;
    private MemorySegment viewedArena;
    private boolean closed;

    DebugFrameAllocator(FrameAllocator inner) {
        this.inner = inner;
        this.metrics = new DebugMetrics(counters, inner);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        checkThread(0, byteSize);
        Alignment.check(byteSize, byteAlignment);
        long front = Guards.front(byteAlignment);
        MemorySegment raw = inner.allocate(front + byteSize + Guards.BACK, Math.max(byteAlignment, 8));
        Guards.arm(raw, front, byteSize);
        MemorySegment view = raw.asSlice(front, byteSize).reinterpret(frameScope, null);
        frameBlocks.put(view.address(), new Block(raw, front, byteSize, false));
        counters.allocated(byteSize);
        return view;
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        checkThread(0, byteSize);
        Alignment.check(byteSize, byteAlignment);
        if (byteAlignment > ARENA_ALIGNMENT) {
            throw new IllegalArgumentException(name() + ": allocateOffset alignment " + byteAlignment
                    + " exceeds the arena alignment " + ARENA_ALIGNMENT);
        }
        long front = Math.max(OFFSET_FRONT, byteAlignment);
        long rawOffset = inner.allocateOffset(front + byteSize + Guards.BACK, Math.max(byteAlignment, 8));
        MemorySegment arena = inner.memory();
        Guards.arm(arena.asSlice(rawOffset, front + byteSize + Guards.BACK), front, byteSize);
        // Keyed by offset: raw segments of the offset path are re-sliced at check time, because the
        // arena may have moved since (the offsets stay valid, the addresses do not).
        frameBlocks.put(~(rawOffset + front), new Block(null, front, byteSize, true));
        counters.allocated(byteSize);
        return rawOffset + front;
    }

    @Override
    public MemorySegment memory() {
        checkThread(0, 0);
        MemorySegment arena = inner.memory();
        if (arena != viewedArena || memoryView == null) {
            viewedArena = arena;
            memoryView = arena.reinterpret(frameScope, null);
        }
        return memoryView;
    }

    @Override
    public void deallocate(MemorySegment segment) {
        long address = segment.address();
        checkThread(address, segment.byteSize());
        if (!segment.scope().isAlive()) {
            throw misuse(MemoryMisuseException.Kind.USE_AFTER_RESET, segment,
                    "the segment belongs to a frame that was reset");
        }
        Block block = frameBlocks.get(address);
        if (block == null || !segment.scope().equals(frameScope.scope())) {
            throw misuse(MemoryMisuseException.Kind.FOREIGN_FREE, segment,
                    "this frame allocator never gave out this segment");
        }
        if (block.size != segment.byteSize()) {
            throw misuse(MemoryMisuseException.Kind.SIZE_MISMATCH, segment,
                    "the block was allocated with " + block.size + " bytes");
        }
        if (freedThisFrame.put(address, Boolean.TRUE) != null) {
            throw misuse(MemoryMisuseException.Kind.DOUBLE_FREE, segment, "the block was already freed");
        }
    }

    /**
     * Checks every block's guards, then closes this frame's scope (so its segments become
     * unusable) and resets the wrapped frame. Throws OVERRUN after the reset completed.
     */
    @Override
    public void reset() {
        checkThread(0, 0);
        MemoryMisuseException overrun = checkGuards();
        endFrame();
        inner.reset();
        frameScope = Arena.ofConfined();
        if (overrun != null) {
            throw overrun;
        }
    }

    private void endFrame() {
        frameScope.close();
        frameBlocks.clear();
        freedThisFrame.clear();
        memoryView = null;
        viewedArena = null;
        counters.freedAll();
    }

    private MemoryMisuseException checkGuards() {
        MemorySegment arena = inner.memory();
        for (Map.Entry<Long, Block> entry : frameBlocks.entrySet()) {
            Block block = entry.getValue();
            MemorySegment raw;
            long address;
            if (block.viaOffset) {
                long payloadOffset = ~entry.getKey();
                raw = arena.asSlice(payloadOffset - block.front, block.front + block.size + Guards.BACK);
                address = arena.address() + payloadOffset;
            } else {
                raw = block.raw;
                address = entry.getKey();
            }
            long damage = Guards.firstDamage(raw, block.front, block.size);
            if (damage != Long.MIN_VALUE) {
                return new MemoryMisuseException(MemoryMisuseException.Kind.OVERRUN, name(), address, block.size,
                        Guards.describeDamage(damage, block.size)
                                + (block.viaOffset ? " (offset " + ~entry.getKey() + ")" : ""));
            }
        }
        return null;
    }

    private MemoryMisuseException misuse(MemoryMisuseException.Kind kind, MemorySegment segment, String detail) {
        return MemoryMisuseException.of(kind, name(), segment, detail);
    }

    private void checkThread(long address, long size) {
        owner.check(name(), address, size);
    }

    @Override public long used() { return inner.used(); }
    @Override public long capacity() { return inner.capacity(); }
    @Override public long highWaterMark() { return inner.highWaterMark(); }
    @Override public long overflowCount() { return inner.overflowCount(); }
    @Override public boolean canAllocate(long byteSize) { return inner.canAllocate(byteSize); }

    @Override
    public boolean owns(MemorySegment segment) {
        return segment.scope().equals(frameScope.scope()) && inner.owns(segment);
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

    /** Checks the guards of the current frame, makes its segments unusable and closes the wrapped frame. */
    @Override
    public void close() {
        checkThread(0, 0);
        if (closed) {
            return;
        }
        closed = true;
        MemoryMisuseException overrun = checkGuards();
        endFrame();
        inner.close();
        if (overrun != null) {
            throw overrun;
        }
    }

    @Override
    public String toString() {
        return name() + " [debug, " + inner + "]";
    }
}
