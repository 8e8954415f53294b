package org.worldbench.analysis;

import java.util.Optional;

/**
 * Per-benchmark settings from an experiment spec that beat the defaults.
 *
 * @param direction     which way is better, when the unit does not say or says it wrongly
 * @param minimumEffect the smallest relative change worth a verdict, as a fraction (0.05 = 5%)
 */
public record BenchmarkOverrides(Optional<Direction> direction, Optional<Double> minimumEffect) {

    private static final BenchmarkOverrides NONE = new BenchmarkOverrides(Optional.empty(), Optional.empty());

    public BenchmarkOverrides {
        minimumEffect.ifPresent(effect -> VerdictSettings.checkMinimumEffect("minimumEffect override", effect));
    }

    public static BenchmarkOverrides none() {
        return NONE;
    }

    public BenchmarkOverrides withDirection(Direction newDirection) {
        return new BenchmarkOverrides(Optional.of(newDirection), minimumEffect);
    }

    public BenchmarkOverrides withMinimumEffect(double fraction) {
        return new BenchmarkOverrides(direction, Optional.of(fraction));
    }
}
