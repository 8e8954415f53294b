package org.worldbench.memory;

/** Argument checks and rounding shared by the allocators. */
final class Alignment {

    private Alignment() {
    }

    static void check(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("negative size: " + byteSize);
        }
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException("alignment must be a power of two: " + byteAlignment);
        }
    }

    /** Rounds {@code value} up to a multiple of {@code alignment} (a power of two). */
    static long up(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
