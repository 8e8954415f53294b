package org.worldbench.memory;

/**
 * Runs every release action even when one fails, then throws the first failure with the others
 * attached as suppressed: closing a World, a MemoryManager or any owner of several allocators must
 * free everything even if a debug allocator reports a leak on the way.
 */
public final class FailureCollector {

    private RuntimeException first;

    public void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
    }

    public void throwIfAny() {
        if (first != null) {
            throw first;
        }
    }
}
