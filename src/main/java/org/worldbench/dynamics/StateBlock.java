package org.worldbench.dynamics;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.worldbench.memory.MemoryAllocator;

/**
 * A flat array of doubles holding the per-body records of one skeleton: either a Java array or an
 * off-heap segment. The algorithms read and write it only through {@link #get} and {@link #set},
 * so one code path serves both storages: in a JVM that uses one kind only, every call site is
 * monomorphic and the JIT inlines it down to a plain load or store.
 *
 * <p>Indices count doubles, not bytes.
 */
abstract sealed class StateBlock permits StateBlock.Heap, StateBlock.OffHeap {

    /** Number of doubles. */
    abstract int length();

    abstract double get(int index);

    abstract void set(int index, double value);

    final void add(int index, double value) {
        set(index, get(index) + value);
    }

    /** Copies {@code count} doubles from {@code src} at {@code srcIndex} to this at {@code dstIndex}. */
    final void copyFrom(StateBlock src, int srcIndex, int dstIndex, int count) {
        for (int i = 0; i < count; i++) {
            set(dstIndex + i, src.get(srcIndex + i));
        }
    }

    final void fill(int from, int count, double value) {
        for (int i = 0; i < count; i++) {
            set(from + i, value);
        }
    }

    /** Gives the memory back (off-heap) or drops it (heap). The block is unusable afterwards. */
    abstract void release();

    /** Bytes of the block. */
    final long byteSize() {
        return (long) length() * Double.BYTES;
    }

    /** The address of the first double, or 0 for a heap block (tests check the alignment). */
    abstract long address();

    static final class Heap extends StateBlock {
        private final double[] values;

        Heap(int length) {
            values = new double[length];
        }

        @Override
        int length() {
            return values.length;
        }

        @Override
        double get(int index) {
            return values[index];
        }

        @Override
        void set(int index, double value) {
            values[index] = value;
        }

        @Override
        void release() {
        }

        @Override
        long address() {
            return 0;
        }
    }

    static final class OffHeap extends StateBlock {
        /** Alignment of the block and of every record in it. */
        static final long ALIGNMENT = 32;

        private final MemorySegment segment;
        private final MemoryAllocator allocator;
        private final int length;

        OffHeap(MemoryAllocator allocator, int length) {
            this.allocator = allocator;
            this.length = length;
            this.segment = allocator.allocate((long) length * Double.BYTES, ALIGNMENT);
            segment.fill((byte) 0);
        }

        @Override
        int length() {
            return length;
        }

        @Override
        double get(int index) {
            return segment.getAtIndex(ValueLayout.JAVA_DOUBLE, index);
        }

        @Override
        void set(int index, double value) {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, index, value);
        }

        @Override
        void release() {
            allocator.deallocate(segment);
        }

        @Override
        long address() {
            return segment.address();
        }

        MemoryAllocator allocator() {
            return allocator;
        }
    }
}
