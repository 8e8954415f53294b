package org.worldbench.analysis;

/**
 * A point estimate of the change from baseline to trial with its bootstrap confidence interval.
 *
 * @param scale           {@link Scale#RATIO}: trial median / baseline median (dimensionless);
 *                        {@link Scale#DIFFERENCE}: trial median − baseline median, in the metric's unit
 *                        (used when the baseline median is zero and a ratio is undefined)
 * @param estimate        the point estimate on that scale, from all samples
 * @param low             lower end of the interval
 * @param high            upper end of the interval
 * @param confidenceLevel of the interval (0.99 = 99%)
 */
public record Effect(Scale scale, double estimate, double low, double high, double confidenceLevel) {

    public enum Scale { RATIO, DIFFERENCE }

    /** The value of "no change" on this scale. */
    public double noChange() {
        return scale == Scale.RATIO ? 1.0 : 0.0;
    }

    /** True when the interval does not contain "no change". */
    public boolean excludesNoChange() {
        return low > noChange() || high < noChange();
    }
}
