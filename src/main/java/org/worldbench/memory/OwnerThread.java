package org.worldbench.memory;

/**
 * The thread a debug allocator is confined to: the one that created it. Allocators are
 * single-threaded by contract; the debug variants turn a breach into an exception at once instead
 * of a corrupted free list later.
 */
final class OwnerThread {

    private final Thread owner = Thread.currentThread();

    /** Throws WRONG_THREAD naming both threads unless the caller is the owner. */
    void check(String allocator, long address, long size) {
        Thread current = Thread.currentThread();
        if (current != owner) {
            throw new MemoryMisuseException(MemoryMisuseException.Kind.WRONG_THREAD, allocator, address, size,
                    "called from thread '" + current.getName() + "' but the allocator is confined to '"
                            + owner.getName() + "'");
        }
    }
}
