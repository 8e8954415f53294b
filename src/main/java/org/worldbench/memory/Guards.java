package org.worldbench.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Guard bytes around debug blocks, and the fill patterns of fresh and freed memory (the values of
 * the MSVC debug heap, which C++ developers recognise in a hex dump).
 *
 * <pre>
 *  raw block from the wrapped allocator
 *  +----------------------+------------------------+-----------+
 *  | front guard (0xFD..) | payload (0xCD.. fresh) | 0xFD x 16 |
 *  +----------------------+------------------------+-----------+
 *  ^ raw address          ^ address handed out      back guard
 * </pre>
 * The front guard is 16 bytes rounded up to the block's alignment, so the payload keeps it.
 */
final class Guards {

    static final long BACK = 16;
    static final byte GUARD = (byte) 0xFD;
    static final byte FRESH = (byte) 0xCD;
    static final byte FREED = (byte) 0xDD;

    private Guards() {
    }

    /** Front guard size for a block aligned to {@code alignment}. */
    static long front(long alignment) {
        return Math.max(16, alignment);
    }

    /** Writes both guards and the fresh pattern; {@code raw} spans front + size + BACK bytes. */
    static void arm(MemorySegment raw, long front, long size) {
        raw.asSlice(0, front).fill(GUARD);
        raw.asSlice(front, size).fill(FRESH);
        raw.asSlice(front + size, BACK).fill(GUARD);
    }

    /**
     * Offset of the first damaged guard byte relative to the payload (negative: before it), or
     * {@code Long.MIN_VALUE} when both guards are intact.
     */
    static long firstDamage(MemorySegment raw, long front, long size) {
        for (long i = front + size; i < front + size + BACK; i++) {
            if (raw.get(ValueLayout.JAVA_BYTE, i) != GUARD) {
                return i - front;
            }
        }
        for (long i = front - 1; i >= 0; i--) {
            if (raw.get(ValueLayout.JAVA_BYTE, i) != GUARD) {
                return i - front;
            }
        }
        return Long.MIN_VALUE;
    }

    static String describeDamage(long offset, long size) {
        return offset < 0
                ? "byte " + (-offset) + " before the block was written (underrun)"
                : "byte " + (offset - size) + " past the end of the block was written (overrun)";
    }
}
