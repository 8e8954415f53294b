package org.worldbench.simulation;

/**
 * Runs every release action even when one fails, then throws the first failure with the others
 * attached as suppressed: closing a World must free everything even if a debug allocator reports a
 * leak on the way.
 */
final class FailureCollector {

    private RuntimeException first;

    void run(Runnable action) {
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

    void throwIfAny() {
        if (first != null) {
            throw first;
        }
    }
}
