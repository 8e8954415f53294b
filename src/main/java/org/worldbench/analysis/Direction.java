package org.worldbench.analysis;

import java.util.Locale;

/** Which way a metric gets better. Codes ({@code lower-is-better}, {@code higher-is-better}) are what specs, the database and reports use. */
public enum Direction {
    /** Time per operation, bytes per operation: a smaller value is an improvement. */
    LOWER_IS_BETTER,
    /** Operations per unit of time: a larger value is an improvement. */
    HIGHER_IS_BETTER;

    /** True when moving from {@code baseline} to {@code trial} made things worse. */
    boolean isWorse(double trial, double baseline) {
        return this == LOWER_IS_BETTER ? trial > baseline : trial < baseline;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Inverse of {@link #code()}. */
    public static Direction ofCode(String code) {
        for (Direction d : values()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + code + "' (lower-is-better, higher-is-better)");
    }
}
