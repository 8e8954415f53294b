package org.worldbench.analysis;

import java.util.Optional;

/**
 * The judged comparison of one benchmark metric.
 *
 * @param benchmark       benchmark key (JMH method name plus parameters)
 * @param metric          {@code primary} or a secondary metric's name
 * @param unit            the metric's unit as written by the harness
 * @param verdict         IMPROVED, REGRESSED, UNCHANGED or INCONCLUSIVE
 * @param reason          one human-readable sentence that says why
 * @param direction       which way is better, empty when neither the unit nor an override says
 * @param trial           the trial's sample counts and median
 * @param baseline        the baseline's, empty when there was no baseline
 * @param effect          ratio (or difference at zero) with its bootstrap interval, empty when not computed
 * @param pValue          two-sided Mann–Whitney U p-value, NaN when not computed
 * @param adjustedPValue  Benjamini–Hochberg adjusted over all comparisons of the run, NaN when not computed
 * @param minimumEffect   the minimum relative effect that applied (fraction), after overrides
 */
public record Comparison(
        String benchmark,
        String metric,
        String unit,
        Verdict verdict,
        String reason,
        Optional<Direction> direction,
        SampleSummary trial,
        Optional<SampleSummary> baseline,
        Optional<Effect> effect,
        double pValue,
        double adjustedPValue,
        double minimumEffect) {

    /** The relative change in percent ((ratio − 1) × 100), NaN when there is no ratio. */
    public double percentChange() {
        return effect.filter(e -> e.scale() == Effect.Scale.RATIO).map(e -> (e.estimate() - 1) * 100).orElse(Double.NaN);
    }

    /** The same comparison with another reason (a caller that knows more about why there is no baseline). */
    public Comparison withReason(String newReason) {
        return new Comparison(benchmark, metric, unit, verdict, newReason, direction, trial, baseline, effect, pValue,
                adjustedPValue, minimumEffect);
    }
}
