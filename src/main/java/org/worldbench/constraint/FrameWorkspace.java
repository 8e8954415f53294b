package org.worldbench.constraint;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

import org.worldbench.memory.FrameAllocator;

/**
 * Scratch in a {@link FrameAllocator}: each block is an {@code allocateOffset} in the frame's arena,
 * addressed by double index. The arena can move when it grows, so every access asks the frame for
 * its current {@code memory()} segment (offsets stay valid across a move).
 */
final class FrameWorkspace extends Workspace {

    private final FrameAllocator frame;
    private final boolean resetsFrame;

    /** @param resetsFrame whether {@link #reset()} resets the frame (only when the solver owns it) */
    FrameWorkspace(FrameAllocator frame, boolean resetsFrame) {
        this.frame = frame;
        this.resetsFrame = resetsFrame;
    }

    @Override
    long alloc(int n) {
        long offset = frame.allocateOffset(8L * Math.max(n, 1), 8);
        MemorySegment m = frame.memory();
        long index = offset >>> 3;
        for (int k = 0; k < n; k++) {
            m.setAtIndex(JAVA_DOUBLE, index + k, 0.0);
        }
        return index;
    }

    @Override
    double get(long address) {
        return frame.memory().getAtIndex(JAVA_DOUBLE, address);
    }

    @Override
    void set(long address, double value) {
        frame.memory().setAtIndex(JAVA_DOUBLE, address, value);
    }

    @Override
    void reset() {
        if (resetsFrame) {
            frame.reset();
        }
    }

    FrameAllocator frame() {
        return frame;
    }
}
