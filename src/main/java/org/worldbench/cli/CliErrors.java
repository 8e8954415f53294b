package org.worldbench.cli;

/** Turns an exception into the one line a user reads. */
final class CliErrors {

    private CliErrors() {
    }

    static String describe(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        if (deepest != failure && deepest.getMessage() != null && !message.contains(deepest.getMessage())) {
            message += " (caused by " + deepest.getMessage() + ")";
        }
        return message.replace('\n', ' ');
    }
}
