package org.worldbench.experiment.jmh;

import org.openjdk.jmh.util.ListStatistics;

/**
 * One metric of a finished trial: JMH's aggregate and every raw iteration sample.
 *
 * @param name        {@link #PRIMARY} for the benchmark's own score, otherwise the secondary
 *                    metric's label as JMH writes it (e.g. {@code gc.alloc.rate.norm})
 * @param unit        as JMH writes it, e.g. {@code ns/op}, {@code ops/s}, {@code B/op}
 * @param score       JMH's aggregate score over all forks (the mean for time and throughput modes)
 * @param scoreError  half-width of JMH's 99.9% confidence interval; NaN with fewer than two samples
 * @param percentiles p0, p50, p90, p95, p99, p100 of the pooled samples (same unit)
 * @param samples     raw samples, {@code samples[fork][iteration]}; forks may differ in length
 */
public record MetricMeasurement(String name, String unit, double score, double scoreError, double[] percentiles,
        double[][] samples) {

    /** Name under which the primary metric is stored. */
    public static final String PRIMARY = "primary";
    /** Heap bytes allocated per operation, from JMH's {@code -prof gc}. */
    public static final String GC_ALLOC_RATE_NORM = "gc.alloc.rate.norm";
    /** The percentiles {@link #percentiles} holds, in order. */
    public static final double[] PERCENTILE_LEVELS = {0, 50, 90, 95, 99, 100};

    /**
     * A metric of forks measured one JMH run each (interleaved order), aggregated over all their
     * samples as JMH aggregates the forks of one run for its averaging metrics (every time and
     * throughput score, {@code gc.alloc.rate.norm}): the mean, the half-width of the 99.9% interval
     * and the percentiles of the pooled iteration scores. (For a summing metric such as
     * {@code gc.count}, JMH would report the sum; for mode {@code sample}, percentiles of its
     * histogram rather than of the iteration scores.) NaN where there are too few samples.
     */
    public static MetricMeasurement pooled(String name, String unit, double[][] samples) {
        ListStatistics pooled = new ListStatistics();
        for (double[] fork : samples) {
            for (double sample : fork) {
                pooled.addValue(sample);
            }
        }
        double[] percentiles = new double[PERCENTILE_LEVELS.length];
        for (int i = 0; i < percentiles.length; i++) {
            double level = PERCENTILE_LEVELS[i];
            percentiles[i] = pooled.getN() == 0 ? Double.NaN
                    : level == 0 ? pooled.getMin() : level == 100 ? pooled.getMax() : pooled.getPercentile(level);
        }
        double score = pooled.getN() == 0 ? Double.NaN : pooled.getMean();
        return new MetricMeasurement(name, unit, score, pooled.getMeanErrorAt(0.999), percentiles, samples);
    }

    public int sampleCount() {
        int count = 0;
        for (double[] fork : samples) {
            count += fork.length;
        }
        return count;
    }
}
