package org.worldbench.analysis.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.worldbench.analysis.ComparisonInput;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.Verdict;
import org.worldbench.analysis.VerdictSettings;

/**
 * The proof's tables on real runs: worldbench's verdict, a plain Mann–Whitney U test at α = 0.05 and a
 * fixed 5% threshold on the mean, applied to the same stored samples ({@link VerdictProof} does the
 * same on simulated ones).
 *
 * <ul>
 *   <li><b>A/A</b>: the trials of one run against the same benchmarks of another run of the same
 *       configuration (fresh forks): every IMPROVED or REGRESSED is a false alarm.</li>
 *   <li><b>Power</b>: within one run, each trial with {@code slowdown = s} against the trial with
 *       {@code slowdown = 0} and the same other parameters; each slowdown level is judged as one run
 *       (one Benjamini–Hochberg correction), and power is the share judged REGRESSED.</li>
 * </ul>
 * Every comparison is taken as lower-is-better (time per operation), like the simulation's.
 */
public final class RunProof {

    private RunProof() {
    }

    /** One stored trial: a benchmark with its parameters and one metric's samples. */
    public record Trial(String name, Map<String, String> parameters, Samples samples) {

        public Trial {
            parameters = Map.copyOf(parameters);
        }

        String label() {
            return name + new TreeMap<>(parameters);
        }
    }

    /** Two trials to compare: {@code trial} is judged against {@code baseline}. */
    public record Pair(String label, Samples trial, Samples baseline) {
    }

    /**
     * What one rule did on a set of pairs.
     *
     * @param rule         the rule's name
     * @param regressed    pairs judged REGRESSED
     * @param improved     pairs judged IMPROVED
     * @param inconclusive pairs judged INCONCLUSIVE (only worldbench's rule says so)
     * @param total        pairs judged
     */
    public record Count(String rule, int regressed, int improved, int inconclusive, int total) {

        public int flagged() {
            return regressed + improved;
        }
    }

    /** worldbench's rule with {@code settings}, the plain U test at α = 0.05, the 5% threshold on the mean. */
    public static List<DecisionRule> rules(VerdictSettings settings) {
        return List.of(DecisionRule.worldbench(settings), DecisionRule.plainUTest(0.05), DecisionRule.meanThreshold(0.05));
    }

    /** Each rule judges all pairs at once (as one run). */
    public static List<Count> judge(List<Pair> pairs, String unit, List<DecisionRule> rules) {
        List<ComparisonInput> inputs = pairs.stream()
                .map(p -> ComparisonInput.of(p.label(), ComparisonInput.PRIMARY, unit, p.trial(), p.baseline())).toList();
        List<Count> counts = new ArrayList<>();
        for (DecisionRule rule : rules) {
            int regressed = 0;
            int improved = 0;
            int inconclusive = 0;
            for (DecisionRule.Judgement j : inputs.isEmpty() ? new DecisionRule.Judgement[0] : rule.judge(inputs)) {
                regressed += j.verdict() == Verdict.REGRESSED ? 1 : 0;
                improved += j.verdict() == Verdict.IMPROVED ? 1 : 0;
                inconclusive += j.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
            }
            counts.add(new Count(rule.name(), regressed, improved, inconclusive, inputs.size()));
        }
        return counts;
    }

    /** A/A pairs: each trial with the baseline trial of the same benchmark and parameters; unmatched trials are left out. */
    public static List<Pair> aaPairs(List<Trial> run, List<Trial> baseline) {
        Map<String, Trial> theirs = new LinkedHashMap<>();
        baseline.forEach(t -> theirs.put(t.label(), t));
        List<Pair> pairs = new ArrayList<>();
        for (Trial t : run) {
            Trial other = theirs.get(t.label());
            if (other != null) {
                pairs.add(new Pair(t.label(), t.samples(), other.samples()));
            }
        }
        return pairs;
    }

    /**
     * Power pairs by slowdown level ({@code parameter} ≠ "0", in the order met): each trial against the
     * trial with {@code parameter = 0} and the same other parameters.
     */
    public static Map<String, List<Pair>> powerPairs(List<Trial> run, String parameter) {
        Objects.requireNonNull(parameter, "parameter");
        Map<String, Trial> zero = new LinkedHashMap<>();
        for (Trial t : run) {
            if ("0".equals(t.parameters().get(parameter))) {
                zero.put(others(t, parameter), t);
            }
        }
        Map<String, List<Pair>> byLevel = new LinkedHashMap<>();
        for (Trial t : run) {
            String level = t.parameters().get(parameter);
            Trial base = zero.get(others(t, parameter));
            if (level != null && !"0".equals(level) && base != null) {
                byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(new Pair(t.label(), t.samples(), base.samples()));
            }
        }
        return byLevel;
    }

    private static String others(Trial t, String parameter) {
        Map<String, String> rest = new TreeMap<>(t.parameters());
        rest.remove(parameter);
        return t.name() + rest;
    }
}
