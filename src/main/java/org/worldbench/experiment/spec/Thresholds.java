package org.worldbench.experiment.spec;

import java.util.Map;

/**
 * The smallest change, in percent, that counts as a regression or an improvement.
 *
 * @param defaultPercent   applies to every benchmark without an override; e.g. 5.0 means 5%
 * @param benchmarkPercent overrides by JMH method name (e.g. {@code synthetic: 3})
 */
public record Thresholds(double defaultPercent, Map<String, Double> benchmarkPercent) {

    public static final double DEFAULT_PERCENT = 5.0;

    public Thresholds {
        benchmarkPercent = Map.copyOf(benchmarkPercent);
    }

    public double percentFor(String benchmark) {
        return benchmarkPercent.getOrDefault(benchmark, defaultPercent);
    }
}
