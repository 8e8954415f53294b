package org.worldbench.dynamics;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.worldbench.memory.MemoryAllocator;

/**
 * A flat array of doubles holding the per-body records of one skeleton: a Java array
 * ({@link StateStorage#HEAP}) or an off-heap segment ({@link StateStorage#OFF_HEAP}). The algorithms
 * read and write it only through {@link #get} and {@link #set}, so one code path serves both
 * storages and gives bit-identical results.
 *
 * <p>Why one final class with a branch instead of two subclasses: a final method binds statically,
 * so every tier of the JIT inlines it, and the branch on the storage kind is decided once per JVM
 * in practice (a benchmark fork uses one storage), so C2 compiles only the taken side. Indices
 * count doubles, not bytes.
 */
final class StateBlock {

    /** Alignment of the off-heap block and, through {@link BodyRecord#size}, of every record. */
    static final long ALIGNMENT = 32;

    /** The values, for {@link StateStorage#HEAP}; null off-heap. */
    private final double[] array;
    /** The values, for {@link StateStorage#OFF_HEAP}; null on the heap. */
    private final MemorySegment segment;
    private final MemoryAllocator allocator;
    private final int length;

    private StateBlock(double[] array, MemorySegment segment, MemoryAllocator allocator, int length) {
        this.array = array;
        this.segment = segment;
        this.allocator = allocator;
        this.length = length;
    }

    static StateBlock onHeap(int length) {
        return new StateBlock(new double[length], null, null, length);
    }

    /** A zeroed block of {@code length} doubles from {@code allocator}, 32-byte aligned. */
    static StateBlock offHeap(MemoryAllocator allocator, int length) {
        MemorySegment segment = allocator.allocate((long) length * Double.BYTES, ALIGNMENT);
        segment.fill((byte) 0);
        return new StateBlock(null, segment, allocator, length);
    }

    /** Number of doubles. */
    int length() {
        return length;
    }

    boolean isOffHeap() {
        return segment != null;
    }

    double get(int index) {
        if (array != null) {
            return array[index];
        }
        return segment.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index);
    }

    void set(int index, double value) {
        if (array != null) {
            array[index] = value;
        } else {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index, value);
        }
    }

    /** Copies {@code count} doubles from this block at {@code index} into {@code dst} at {@code dstOff}. */
    void read(int index, double[] dst, int dstOff, int count) {
        if (array != null) {
            System.arraycopy(array, index, dst, dstOff, count);
        } else {
            MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE_UNALIGNED, (long) index * Double.BYTES, dst, dstOff, count);
        }
    }

    /** Copies {@code count} doubles from {@code src} at {@code srcOff} into this block at {@code index}. */
    void write(double[] src, int srcOff, int index, int count) {
        if (array != null) {
            System.arraycopy(src, srcOff, array, index, count);
        } else {
            MemorySegment.copy(src, srcOff, segment, ValueLayout.JAVA_DOUBLE_UNALIGNED, (long) index * Double.BYTES, count);
        }
    }

    void add(int index, double value) {
        set(index, get(index) + value);
    }

    /** Copies {@code count} doubles from {@code src} at {@code srcIndex} to this at {@code dstIndex}. */
    void copyFrom(StateBlock src, int srcIndex, int dstIndex, int count) {
        for (int i = 0; i < count; i++) {
            set(dstIndex + i, src.get(srcIndex + i));
        }
    }

    void fill(int from, int count, double value) {
        for (int i = 0; i < count; i++) {
            set(from + i, value);
        }
    }

    /** Gives the memory back (off-heap) or drops it (heap). The block is unusable afterwards. */
    void release() {
        if (segment != null) {
            allocator.deallocate(segment);
        }
    }

    /** Bytes of the block. */
    long byteSize() {
        return (long) length * Double.BYTES;
    }

    /** The address of the first double, or 0 for a heap block. */
    long address() {
        return segment == null ? 0 : segment.address();
    }
}
