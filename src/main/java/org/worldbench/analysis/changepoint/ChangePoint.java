package org.worldbench.analysis.changepoint;

/**
 * A step in a benchmark's history.
 *
 * @param index        position in the series of the first run at the new level (0-based)
 * @param pValue       permutation p-value of the split when it was accepted
 * @param medianBefore median of the segment that ends just before {@code index}, in the series' unit
 * @param medianAfter  median of the segment that starts at {@code index}
 */
public record ChangePoint(int index, double pValue, double medianBefore, double medianAfter) {

    /** Relative size of the step, (after − before) / before. */
    public double relativeChange() {
        return (medianAfter - medianBefore) / medianBefore;
    }
}
