package org.worldbench.experiment.compare;

/**
 * Everything needed to judge one metric of one benchmark: the seam between the experiment job and
 * the statistics. Samples are grouped by fork because forks differ more than iterations do.
 *
 * @param benchmarkKey     benchmark name with its canonical parameter key, e.g. {@code synthetic{size=10000,slowdown=5}}
 * @param benchmark        JMH method name (thresholds are per benchmark name)
 * @param metric           {@code primary} or a secondary metric's label
 * @param unit             as JMH writes it ({@code ns/op}, {@code ops/s}, {@code B/op})
 * @param mode             JMH mode label of the trial ({@code avgt}, {@code thrpt}, ...)
 * @param trial            this run's samples, {@code [fork][iteration]}
 * @param baseline         the baseline run's samples, {@code [fork][iteration]}; null when there is no baseline
 * @param thresholdPercent smallest change that counts, in percent
 */
public record ComparisonInput(String benchmarkKey, String benchmark, String metric, String unit, String mode,
        double[][] trial, double[][] baseline, double thresholdPercent) {
}
