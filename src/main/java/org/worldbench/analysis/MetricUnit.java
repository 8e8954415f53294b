package org.worldbench.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A unit string as JMH or Google Benchmark writes it ({@code ns/op}, {@code ops/s}, {@code us/op},
 * {@code B/op}, {@code ms}, {@code MB/sec}, ...), read for what it measures and which way is better.
 *
 * <p>Rules: <i>time</i>/<i>op</i> and a plain time are {@link MetricKind#TIME}, lower is better;
 * <i>ops</i>/<i>time</i> is {@link MetricKind#THROUGHPUT}, higher is better; <i>bytes</i>/<i>op</i> and a plain
 * byte count are {@link MetricKind#BYTES}, lower is better. Anything else, bytes per second included
 * (an allocation rate is a cost, a bandwidth is a benefit: the unit cannot tell), has no default
 * direction; a per-benchmark override supplies one.
 *
 * @param text      the unit as written by the harness
 * @param kind      what it measures
 * @param direction which way is better, when the unit alone says so
 */
public record MetricUnit(String text, MetricKind kind, Optional<Direction> direction) {

    private static final Set<String> TIMES = Set.of("ns", "us", "µs", "μs", "ms", "s", "sec", "min", "h");
    private static final Set<String> COUNTS = Set.of("op", "ops", "operation", "operations", "items", "item",
            "calls", "call", "iterations", "iteration", "invocations");
    private static final Set<String> BYTES = Set.of("b", "byte", "bytes", "kb", "kib", "mb", "mib", "gb", "gib");

    /** Reads a unit string; never fails: an unrecognised unit is {@link MetricKind#OTHER} with no direction. */
    public static MetricUnit parse(String text) {
        String unit = text == null ? "" : text.strip();
        String lower = unit.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        MetricKind kind;
        if (slash < 0) {
            kind = TIMES.contains(lower) ? MetricKind.TIME : BYTES.contains(lower) ? MetricKind.BYTES : MetricKind.OTHER;
        } else {
            String numerator = lower.substring(0, slash).strip();
            String denominator = lower.substring(slash + 1).strip();
            if (TIMES.contains(numerator) && COUNTS.contains(denominator)) {
                kind = MetricKind.TIME;
            } else if (COUNTS.contains(numerator) && TIMES.contains(denominator)) {
                kind = MetricKind.THROUGHPUT;
            } else if (BYTES.contains(numerator) && COUNTS.contains(denominator)) {
                kind = MetricKind.BYTES;
            } else {
                kind = MetricKind.OTHER;
            }
        }
        Optional<Direction> direction = switch (kind) {
            case TIME, BYTES -> Optional.of(Direction.LOWER_IS_BETTER);
            case THROUGHPUT -> Optional.of(Direction.HIGHER_IS_BETTER);
            case OTHER -> Optional.empty();
        };
        return new MetricUnit(unit, kind, direction);
    }
}
