package org.worldbench.memory;

import java.lang.foreign.MemorySegment;

/**
 * Thrown when an allocator is used against its contract: a double free, a free of memory it never
 * gave out, a size that does not match the allocation, a guard-byte overrun, a segment used after
 * the frame it belongs to was reset, a call from a thread that does not own the allocator, or
 * blocks still live when the allocator is closed.
 *
 * <p>The message always names the allocator, the address (hexadecimal) and the size in bytes, so a
 * failing test or a crashed benchmark points at the block without a debugger. Most kinds are only
 * detected by the debug variants ({@link Allocators#debug}); the free list also catches double and
 * foreign frees in its normal mode because the check costs nothing there.
 */
public final class MemoryMisuseException extends IllegalStateException {

    /** What went wrong. */
    public enum Kind {
        DOUBLE_FREE, FOREIGN_FREE, SIZE_MISMATCH, OVERRUN, USE_AFTER_RESET, WRONG_THREAD, LEAK
    }

    private final Kind kind;
    private final String allocator;
    private final long address;
    private final long size;

    MemoryMisuseException(Kind kind, String allocator, long address, long size, String detail) {
        super(allocator + ": " + describe(kind) + " at " + hex(address) + " (" + size + " bytes)"
                + (detail.isEmpty() ? "" : ": " + detail));
        this.kind = kind;
        this.allocator = allocator;
        this.address = address;
        this.size = size;
    }

    /** A misuse concerning {@code segment}, as the caller presented it. */
    static MemoryMisuseException of(Kind kind, String allocator, MemorySegment segment, String detail) {
        return new MemoryMisuseException(kind, allocator, segment.address(), segment.byteSize(), detail);
    }

    /** A leak report: {@code address} and {@code size} are those of the first leaked block. */
    static MemoryMisuseException leaks(String allocator, long count, long bytes, long firstAddress,
                                       long firstSize, String listing) {
        return new MemoryMisuseException(Kind.LEAK, allocator, firstAddress, firstSize,
                count + " block(s), " + bytes + " bytes still live at close" + listing);
    }

    public Kind kind() {
        return kind;
    }

    /** The {@link MemoryAllocator#name()} of the allocator that detected the misuse. */
    public String allocator() {
        return allocator;
    }

    /** Address of the block concerned (the first one for {@link Kind#LEAK}). */
    public long address() {
        return address;
    }

    /** Size in bytes of the block concerned, as the caller presented it. */
    public long size() {
        return size;
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case DOUBLE_FREE -> "double free";
            case FOREIGN_FREE -> "free of a block this allocator did not give out";
            case SIZE_MISMATCH -> "size mismatch on free";
            case OVERRUN -> "guard bytes overwritten";
            case USE_AFTER_RESET -> "use after reset";
            case WRONG_THREAD -> "use from a thread that does not own the allocator";
            case LEAK -> "leak";
        };
    }
}
