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

    /** Source of the zeroes {@link #alloc} copies in (bulk copies instead of one checked write per double). */
    private static final double[] ZEROES = new double[1024];

    @Override
    long alloc(int n) {
        long offset = frame.allocateOffset(8L * Math.max(n, 1), 8);
        MemorySegment m = frame.memory();
        for (int done = 0; done < n; done += ZEROES.length) {
            int chunk = Math.min(ZEROES.length, n - done);
            MemorySegment.copy(ZEROES, 0, m, JAVA_DOUBLE, offset + 8L * done, chunk);
        }
        return offset >>> 3;
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
    void copyIn(double[] src, int from, long address, int count) {
        MemorySegment.copy(src, from, frame.memory(), JAVA_DOUBLE, address << 3, count);
    }

    @Override
    void copyOut(long address, double[] dst, int to, int count) {
        MemorySegment.copy(frame.memory(), JAVA_DOUBLE, address << 3, dst, to, count);
    }

    @Override
    void copy(long from, long to, int count) {
        MemorySegment m = frame.memory();
        MemorySegment.copy(m, from << 3, m, to << 3, 8L * count);
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
