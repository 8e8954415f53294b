package org.worldbench.experiment.compare;

/**
 * The judgement on one {@link ComparisonInput}.
 *
 * @param verdict        the verdict
 * @param trialMedian    median of the trial's pooled samples (input unit); NaN without samples
 * @param baselineMedian median of the baseline's pooled samples; NaN without baseline
 * @param ratio          trial median / baseline median; NaN when undefined
 * @param changePercent  {@code (ratio - 1) * 100}, signed as measured (positive: the number went up)
 * @param reason         one sentence a person can act on
 */
public record ComparisonOutcome(Verdict verdict, double trialMedian, double baselineMedian, double ratio,
        double changePercent, String reason) {
}
