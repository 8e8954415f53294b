package org.worldbench.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * The HEAP configuration's scratch: every block is a new Java array, dropped at {@link #reset()}.
 * An address packs the block number (high 32 bits) and the index in the block (low 32 bits).
 */
final class HeapWorkspace extends Workspace {

    private final List<double[]> blocks = new ArrayList<>();

    @Override
    long alloc(int n) {
        blocks.add(new double[n]);
        return (long) (blocks.size() - 1) << 32;
    }

    @Override
    double get(long address) {
        return blocks.get((int) (address >>> 32))[(int) address];
    }

    @Override
    void set(long address, double value) {
        blocks.get((int) (address >>> 32))[(int) address] = value;
    }

    @Override
    void copyIn(double[] src, int from, long address, int count) {
        System.arraycopy(src, from, block(address), (int) address, count);
    }

    @Override
    void copyOut(long address, double[] dst, int to, int count) {
        System.arraycopy(block(address), (int) address, dst, to, count);
    }

    @Override
    void copy(long from, long to, int count) {
        System.arraycopy(block(from), (int) from, block(to), (int) to, count);
    }

    private double[] block(long address) {
        return blocks.get((int) (address >>> 32));
    }

    @Override
    void reset() {
        blocks.clear();
    }
}
