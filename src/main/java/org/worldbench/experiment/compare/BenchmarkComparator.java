package org.worldbench.experiment.compare;

import java.util.List;

/**
 * Judges all comparisons of one run at once (so a rule may correct for multiple comparisons).
 * The experiment job depends only on this interface: the statistics of issue 8 (bootstrap
 * confidence intervals, Mann–Whitney, Benjamini–Hochberg) replace {@link MedianRatioComparator}
 * by providing another bean.
 */
public interface BenchmarkComparator {

    /** One outcome per input, in the same order. */
    List<ComparisonOutcome> compare(List<ComparisonInput> inputs);

    /** One line for reports saying how verdicts were reached. */
    String method();
}
