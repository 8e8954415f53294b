package org.worldbench.analysis;

/** Which way a metric gets better. */
public enum Direction {
    /** Time per operation, bytes per operation: a smaller value is an improvement. */
    LOWER_IS_BETTER,
    /** Operations per unit of time: a larger value is an improvement. */
    HIGHER_IS_BETTER;

    /** True when moving from {@code baseline} to {@code trial} made things worse. */
    boolean isWorse(double trial, double baseline) {
        return this == LOWER_IS_BETTER ? trial > baseline : trial < baseline;
    }
}
