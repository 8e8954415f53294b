package org.worldbench.constraint;

/**
 * Per-step scratch doubles for the constraint phase (contact lists, Jacobian rows, LCP matrices and
 * vectors; integers such as indices are stored as doubles, exact below 2⁵³). Addresses are longs
 * returned by {@link #alloc}; element k of a block at address a is at {@code a + k}.
 *
 * <p>Two storages with the same arithmetic, so their results are bit-identical: {@link FrameWorkspace}
 * bumps blocks off a {@link org.worldbench.memory.FrameAllocator} (nothing on the Java heap in steady
 * state), {@link HeapWorkspace} creates a Java array per block (the HEAP configuration).
 */
abstract sealed class Workspace permits FrameWorkspace, HeapWorkspace {

    /** A block of {@code n} doubles, zeroed, valid until the next {@link #reset()}. */
    abstract long alloc(int n);

    abstract double get(long address);

    abstract void set(long address, double value);

    /** Copies {@code count} doubles from {@code src[from..]} to the workspace at {@code address}. */
    abstract void copyIn(double[] src, int from, long address, int count);

    /** Copies {@code count} doubles from the workspace at {@code address} to {@code dst[to..]}. */
    abstract void copyOut(long address, double[] dst, int to, int count);

    /** Copies {@code count} doubles inside the workspace (the blocks must not overlap). */
    abstract void copy(long from, long to, int count);

    /** Forgets every block (the frame's owner decides when; see {@link ConstraintSolver}). */
    abstract void reset();

    final void add(long address, double value) {
        set(address, get(address) + value);
    }

    final int getInt(long address) {
        return (int) get(address);
    }
}
