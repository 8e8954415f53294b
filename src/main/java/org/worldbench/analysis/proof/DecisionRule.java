package org.worldbench.analysis.proof;

import java.util.List;
import org.worldbench.analysis.ComparisonInput;
import org.worldbench.analysis.MachineCheck;
import org.worldbench.analysis.MannWhitney;
import org.worldbench.analysis.Medians;
import org.worldbench.analysis.RunComparator;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.Verdict;
import org.worldbench.analysis.VerdictSettings;

/**
 * A way of flagging changes in a run, applied to all comparisons of the run at once (so a rule may
 * adjust for multiplicity). The proof runs worldbench's rule and two common ones on the same samples.
 * Every comparison here is lower-is-better (time per operation).
 */
public interface DecisionRule {

    String name();

    /** One judgement per input, in order. */
    Judgement[] judge(List<ComparisonInput> run);

    /**
     * @param verdict IMPROVED or REGRESSED when flagged
     * @param low     lower end of the rule's interval for the ratio, NaN when the rule has none
     * @param high    upper end, NaN when none
     */
    record Judgement(Verdict verdict, double low, double high) {
        static Judgement of(Verdict verdict) {
            return new Judgement(verdict, Double.NaN, Double.NaN);
        }
    }

    /** worldbench's rule: {@link RunComparator} with the given settings. */
    static DecisionRule worldbench(VerdictSettings settings) {
        RunComparator comparator = new RunComparator(settings);
        return new DecisionRule() {
            @Override
            public String name() {
                return "worldbench verdict";
            }

            @Override
            public Judgement[] judge(List<ComparisonInput> run) {
                return comparator.compare(run, MachineCheck.sameMachine("simulated")).comparisons().stream()
                        .map(c -> new Judgement(c.verdict(), c.effect().map(e -> e.low()).orElse(Double.NaN),
                                c.effect().map(e -> e.high()).orElse(Double.NaN)))
                        .toArray(Judgement[]::new);
            }
        };
    }

    /** A plain two-sided Mann–Whitney U test at α on the pooled samples, no correction, no minimum effect. */
    static DecisionRule plainUTest(double alpha) {
        return new DecisionRule() {
            @Override
            public String name() {
                return "plain U test, α = " + alpha;
            }

            @Override
            public Judgement[] judge(List<ComparisonInput> run) {
                Judgement[] verdicts = new Judgement[run.size()];
                for (int i = 0; i < verdicts.length; i++) {
                    double[] trial = run.get(i).trial().pooled();
                    double[] baseline = run.get(i).baseline().orElseThrow().pooled();
                    double p = MannWhitney.test(trial, baseline).pValue();
                    verdicts[i] = Judgement.of(p >= alpha ? Verdict.UNCHANGED
                            : Medians.of(trial) > Medians.of(baseline) ? Verdict.REGRESSED : Verdict.IMPROVED);
                }
                return verdicts;
            }
        };
    }

    /** A fixed threshold on the ratio of means: flagged when the mean moved by at least {@code threshold}. */
    static DecisionRule meanThreshold(double threshold) {
        return new DecisionRule() {
            @Override
            public String name() {
                return "mean moved ≥ " + Math.round(threshold * 100) + "%";
            }

            @Override
            public Judgement[] judge(List<ComparisonInput> run) {
                Judgement[] verdicts = new Judgement[run.size()];
                for (int i = 0; i < verdicts.length; i++) {
                    double ratio = mean(run.get(i).trial()) / mean(run.get(i).baseline().orElseThrow());
                    verdicts[i] = Judgement.of(ratio >= 1 + threshold ? Verdict.REGRESSED
                            : ratio <= 1 - threshold ? Verdict.IMPROVED : Verdict.UNCHANGED);
                }
                return verdicts;
            }
        };
    }

    private static double mean(Samples samples) {
        double sum = 0;
        for (double v : samples.pooled()) {
            sum += v;
        }
        return sum / samples.size();
    }
}
