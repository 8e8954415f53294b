package org.worldbench.analysis;

/**
 * How much data one side of a comparison had.
 *
 * @param forks   forks with at least one sample
 * @param samples samples over all forks
 * @param median  median of all samples pooled, in the metric's unit (NaN when there are none or some are not finite)
 */
public record SampleSummary(int forks, int samples, double median) {
}
