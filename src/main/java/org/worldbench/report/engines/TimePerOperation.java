package org.worldbench.report.engines;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Converts a sample to nanoseconds per operation, whatever unit its tool wrote: JMH's
 * {@code ns/op} ... {@code s/op} and throughput {@code ops/s} ... {@code ops/ns} (inverted), Google
 * Benchmark's imports ({@code ns/op}). Two engines are compared on this one scale.
 */
final class TimePerOperation {

    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9);

    private TimePerOperation() {
    }

    /** Nanoseconds per operation of one sample in {@code unit}; empty for a unit that is not time or throughput. */
    static OptionalDouble nanos(double value, String unit) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return OptionalDouble.empty();
        }
        String top = unit.substring(0, slash);
        String bottom = unit.substring(slash + 1);
        if (bottom.equals("op") && NANOS.containsKey(top)) {
            return OptionalDouble.of(value * NANOS.get(top));
        }
        if (top.equals("ops") && NANOS.containsKey(bottom)) {
            return OptionalDouble.of(NANOS.get(bottom) / value);
        }
        return OptionalDouble.empty();
    }

    static boolean isTime(String unit) {
        return nanos(1, unit).isPresent();
    }
}
