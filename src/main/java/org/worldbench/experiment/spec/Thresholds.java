package org.worldbench.experiment.spec;

import java.util.Map;
import java.util.Optional;

import org.worldbench.analysis.Direction;

/**
 * The smallest change, in percent, that counts as a regression or an improvement (the verdict's
 * minimum effect), and per-benchmark directions where the unit does not say which way is better.
 *
 * @param defaultPercent   applies to every benchmark without an override; e.g. 3.0 means 3%
 * @param benchmarkPercent overrides by JMH method name (e.g. {@code synthetic: 2})
 * @param directions       direction overrides by JMH method name
 */
public record Thresholds(double defaultPercent, Map<String, Double> benchmarkPercent, Map<String, Direction> directions) {

    /** The verdict rule's default minimum effect (docs/verdicts.md). */
    public static final double DEFAULT_PERCENT = 3.0;

    public Thresholds {
        benchmarkPercent = Map.copyOf(benchmarkPercent);
        directions = Map.copyOf(directions);
    }

    public Thresholds(double defaultPercent, Map<String, Double> benchmarkPercent) {
        this(defaultPercent, benchmarkPercent, Map.of());
    }

    public double percentFor(String benchmark) {
        return benchmarkPercent.getOrDefault(benchmark, defaultPercent);
    }

    public Optional<Direction> directionFor(String benchmark) {
        return Optional.ofNullable(directions.get(benchmark));
    }
}
