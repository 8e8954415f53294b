package org.worldbench.experiment.compare;

/** Which way is better for a unit: time or bytes per operation go down, operations per time go up. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** From the unit as JMH writes it: {@code ops/s}, {@code ops/ms} are throughput; everything else a cost. */
    public static Direction of(String unit) {
        return unit != null && unit.startsWith("ops/") ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }
}
