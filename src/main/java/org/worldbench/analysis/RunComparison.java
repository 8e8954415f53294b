package org.worldbench.analysis;

import java.util.List;

/**
 * Every judged comparison of one run against its baseline.
 *
 * @param comparisons one per benchmark metric, in input order
 * @param machine     the machine check that applied to all of them
 * @param settings    the verdict settings used
 */
public record RunComparison(List<Comparison> comparisons, MachineCheck machine, VerdictSettings settings) {

    public RunComparison {
        comparisons = List.copyOf(comparisons);
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }

    public boolean hasRegression() {
        return count(Verdict.REGRESSED) > 0;
    }
}
