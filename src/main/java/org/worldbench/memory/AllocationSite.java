package org.worldbench.memory;

/**
 * Where a block was allocated, captured as a stack trace when allocation-site capture is on.
 * Frames of this package are skipped so the first line is the caller's.
 */
final class AllocationSite extends Throwable {

    private static final String OWN_PACKAGE = AllocationSite.class.getPackageName() + ".";

    AllocationSite() {
        super(null, null, false, true);
    }

    /** The first {@code frames} caller frames outside the memory package, one per line. */
    String describe(int frames) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : getStackTrace()) {
            if (frame.getClassName().startsWith(OWN_PACKAGE) && !frame.getClassName().contains("Test")) {
                continue;
            }
            text.append("\n        at ").append(frame);
            if (++shown == frames) {
                break;
            }
        }
        return text.toString();
    }
}
