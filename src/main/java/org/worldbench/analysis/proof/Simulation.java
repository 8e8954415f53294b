package org.worldbench.analysis.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.worldbench.analysis.ComparisonInput;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.Verdict;

/**
 * Simulated runs that mimic JMH's structure ({@link NoiseModel}), judged by several
 * {@link DecisionRule}s on the very same samples.
 *
 * <p>An <b>A/A run</b> compares {@code benchmarksPerRun} benchmarks with fresh samples of themselves:
 * every flag (IMPROVED or REGRESSED) is a false positive. A <b>power run</b> slows the first
 * {@code changedPerRun} benchmarks of a run by the slowdown and leaves the others unchanged (a change
 * that touches a few benchmarks among many, the hard case for a multiple-testing correction): power is
 * the share of slowed benchmarks judged REGRESSED; flags on the unchanged ones are counted apart.
 * Benchmark medians are spread over four decades (1 to 10 000 ns/op), all lower-is-better.
 *
 * @param forks            forks per side
 * @param iterations       measurement iterations per fork
 * @param noise            the noise model
 * @param benchmarksPerRun comparisons per run (shared by one Benjamini–Hochberg correction)
 * @param changedPerRun    slowed benchmarks per power run
 * @param aaRuns           number of A/A runs
 * @param powerRuns        number of power runs per slowdown
 * @param slowdowns        relative slowdowns for the power curve (0.05 = 5% slower)
 * @param seed             everything is reproducible from it
 */
public record Simulation(int forks, int iterations, NoiseModel noise, int benchmarksPerRun, int changedPerRun,
                         int aaRuns, int powerRuns, double[] slowdowns, long seed) {

    public Simulation {
        Objects.requireNonNull(noise, "noise");
        if (forks < 1 || iterations < 1 || benchmarksPerRun < 1 || aaRuns < 0 || powerRuns < 0) {
            throw new IllegalArgumentException("forks, iterations and benchmarksPerRun must be >= 1; runs >= 0");
        }
        if (changedPerRun < 1 || changedPerRun > benchmarksPerRun) {
            throw new IllegalArgumentException("changedPerRun must be in [1, benchmarksPerRun], was " + changedPerRun);
        }
        slowdowns = slowdowns.clone();
    }

    /**
     * What one rule did.
     *
     * @param rule                 the rule's name
     * @param aaFlagged            A/A comparisons flagged IMPROVED or REGRESSED
     * @param aaInconclusive       A/A comparisons judged INCONCLUSIVE
     * @param aaTotal              A/A comparisons
     * @param regressed            per slowdown: slowed comparisons judged REGRESSED
     * @param slowedTotal          per slowdown: slowed comparisons
     * @param unchangedFlagged     unchanged comparisons inside power runs that were flagged
     * @param unchangedTotal       unchanged comparisons inside power runs
     * @param covered              comparisons (A/A and slowed) whose interval contained the true ratio
     * @param withInterval         comparisons that had an interval (0 for rules without one)
     */
    public record RuleResult(String rule, int aaFlagged, int aaInconclusive, int aaTotal, int[] regressed,
                             int[] slowedTotal, int unchangedFlagged, int unchangedTotal, int covered,
                             int withInterval) {

        public double aaRate() {
            return (double) aaFlagged / aaTotal;
        }

        public double power(int slowdownIndex) {
            return (double) regressed[slowdownIndex] / slowedTotal[slowdownIndex];
        }
    }

    public List<RuleResult> run(List<DecisionRule> rules) {
        int r = rules.size();
        int[] aaFlagged = new int[r];
        int[] aaInconclusive = new int[r];
        int[][] regressed = new int[r][slowdowns.length];
        int[] unchangedFlagged = new int[r];
        int[] covered = new int[r];
        int[] withInterval = new int[r];
        int aaTotal = 0;
        int[] slowedTotal = new int[slowdowns.length];
        int unchangedTotal = 0;
        SplittableRandom random = new SplittableRandom(seed);

        for (int run = 0; run < aaRuns; run++) {
            List<ComparisonInput> inputs = simulateRun(random, 0.0, 0);
            aaTotal += inputs.size();
            for (int k = 0; k < r; k++) {
                DecisionRule.Judgement[] judged = rules.get(k).judge(inputs);
                for (DecisionRule.Judgement j : judged) {
                    aaFlagged[k] += j.verdict().isChange() ? 1 : 0;
                    aaInconclusive[k] += j.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
                    if (!Double.isNaN(j.low())) {
                        withInterval[k]++;
                        covered[k] += j.low() <= 1.0 && 1.0 <= j.high() ? 1 : 0;
                    }
                }
            }
        }
        for (int s = 0; s < slowdowns.length; s++) {
            double factor = 1 + slowdowns[s];
            for (int run = 0; run < powerRuns; run++) {
                List<ComparisonInput> inputs = simulateRun(random, slowdowns[s], changedPerRun);
                slowedTotal[s] += changedPerRun;
                unchangedTotal += inputs.size() - changedPerRun;
                for (int k = 0; k < r; k++) {
                    DecisionRule.Judgement[] judged = rules.get(k).judge(inputs);
                    for (int i = 0; i < judged.length; i++) {
                        boolean slowed = i < changedPerRun;
                        if (slowed) {
                            regressed[k][s] += judged[i].verdict() == Verdict.REGRESSED ? 1 : 0;
                        } else {
                            unchangedFlagged[k] += judged[i].verdict().isChange() ? 1 : 0;
                        }
                        if (!Double.isNaN(judged[i].low())) {
                            double truth = slowed ? factor : 1.0;
                            withInterval[k]++;
                            covered[k] += judged[i].low() <= truth && truth <= judged[i].high() ? 1 : 0;
                        }
                    }
                }
            }
        }
        List<RuleResult> results = new ArrayList<>(r);
        for (int k = 0; k < r; k++) {
            results.add(new RuleResult(rules.get(k).name(), aaFlagged[k], aaInconclusive[k], aaTotal, regressed[k],
                    slowedTotal.clone(), unchangedFlagged[k], unchangedTotal, covered[k], withInterval[k]));
        }
        return results;
    }

    private List<ComparisonInput> simulateRun(SplittableRandom random, double slowdown, int changed) {
        List<ComparisonInput> inputs = new ArrayList<>(benchmarksPerRun);
        for (int b = 0; b < benchmarksPerRun; b++) {
            double median = Math.pow(10, 4 * random.nextDouble());
            double factor = b < changed ? 1 + slowdown : 1.0;
            Samples baseline = noise.sample(random, forks, iterations, median);
            Samples trial = noise.sample(random, forks, iterations, median * factor);
            inputs.add(ComparisonInput.of("simulated.benchmark" + b, ComparisonInput.PRIMARY, "ns/op", trial, baseline));
        }
        return inputs;
    }
}
