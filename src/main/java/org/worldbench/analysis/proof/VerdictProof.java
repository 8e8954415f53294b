package org.worldbench.analysis.proof;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.worldbench.analysis.VerdictSettings;

/**
 * The proof harness behind docs/verdicts.md: simulates A/A and power runs and prints, side by side,
 * the false-positive rate and the power curve of worldbench's verdict rule, a plain Mann–Whitney U
 * test at α = 0.05 and a fixed 5% threshold on the mean, as Markdown.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests
 * java -cp target/benchmarks.jar org.worldbench.analysis.proof.VerdictProof [--forks 5] [--iterations 10]
 *      [--fork-sigma 0.005,0.01,0.02] [--iteration-sigma 0.0432] [--outlier-rate 0.105] [--outlier-excess 0.4595]
 *      [--confidence 0.99] [--minimum-effect 0.03]
 *      [--aa-runs 40] [--power-runs 200] [--benchmarks 30] [--changed 3] [--seed 20261124]
 * </pre>
 * The noise defaults are {@link #JMH_SAMPLE_NOISE}; {@code --fork-sigma} takes a list and prints one
 * table per value (a single-fork sample cannot tell the fork-to-fork spread).
 */
public final class VerdictProof {

    /**
     * Iteration noise estimated from ../shared/samples/jmh-allocators-2026-11-24.json (19 JMH
     * benchmarks, 1 fork × 5 iterations each) by {@link NoiseModel#estimate}; the test
     * {@code NoiseModelEstimateTest} recomputes it from the copy in the test resources.
     */
    public static final NoiseModel JMH_SAMPLE_NOISE = new NoiseModel(0.0, 0.0432, 0.105, 0.4595);

    private VerdictProof() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        run(args, out);
        out.flush();
    }

    /** Runs the simulations {@code args} ask for and prints the tables to {@code out}; a bad option throws, naming it. */
    public static void run(String[] args, PrintWriter out) {
        Map<String, String> options = parse(args);
        int forks = Integer.parseInt(options.getOrDefault("forks", "5"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "10"));
        double[] forkSigmas = Arrays.stream(options.getOrDefault("fork-sigma", "0.005,0.01,0.02").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int aaRuns = Integer.parseInt(options.getOrDefault("aa-runs", "40"));
        int powerRuns = Integer.parseInt(options.getOrDefault("power-runs", "200"));
        int benchmarks = Integer.parseInt(options.getOrDefault("benchmarks", "30"));
        int changed = Integer.parseInt(options.getOrDefault("changed", "3"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261124"));
        double[] slowdowns = {0.02, 0.05, 0.10};
        NoiseModel base = new NoiseModel(0.0,
                Double.parseDouble(options.getOrDefault("iteration-sigma", Double.toString(JMH_SAMPLE_NOISE.iterationSigma()))),
                Double.parseDouble(options.getOrDefault("outlier-rate", Double.toString(JMH_SAMPLE_NOISE.outlierRate()))),
                Double.parseDouble(options.getOrDefault("outlier-excess", Double.toString(JMH_SAMPLE_NOISE.outlierMeanExcess()))));

        VerdictSettings settings = VerdictSettings.defaults()
                .withConfidenceLevel(Double.parseDouble(options.getOrDefault("confidence", "0.99")))
                .withMinimumEffect(Double.parseDouble(options.getOrDefault("minimum-effect", "0.03")));
        out.printf(Locale.ROOT, "Verdict settings: %s%n", settings);
        out.printf(Locale.ROOT, "Design %d forks × %d iterations per side; %d A/A runs and %d power runs per slowdown "
                        + "of %d benchmarks (%d slowed); seed %d; iteration noise σ=%.4f, outliers %.3f × +%.2f%n%n",
                forks, iterations, aaRuns, powerRuns, benchmarks, changed, seed, base.iterationSigma(),
                base.outlierRate(), base.outlierMeanExcess());
        for (double forkSigma : forkSigmas) {
            NoiseModel noise = base.withForkSigma(forkSigma);
            Simulation simulation = new Simulation(forks, iterations, noise, benchmarks, changed, aaRuns, powerRuns,
                    slowdowns, seed);
            long start = System.nanoTime();
            List<Simulation.RuleResult> results = simulation.run(List.of(DecisionRule.worldbench(settings),
                    DecisionRule.plainUTest(0.05), DecisionRule.meanThreshold(0.05)));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "### Fork-to-fork spread σ = %.1f%%%n%n", forkSigma * 100);
            out.println("| rule | A/A flagged | power 2% | power 5% | power 10% | false flags beside a change | CI coverage |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (Simulation.RuleResult r : results) {
                out.printf(Locale.ROOT, "| %s | %d / %d (%.2f%%) | %.1f%% | %.1f%% | %.1f%% | %d / %d (%.2f%%) | %s |%n",
                        r.rule(), r.aaFlagged(), r.aaTotal(), 100 * r.aaRate(), 100 * r.power(0), 100 * r.power(1),
                        100 * r.power(2), r.unchangedFlagged(), r.unchangedTotal(),
                        100.0 * r.unchangedFlagged() / r.unchangedTotal(),
                        r.withInterval() == 0 ? "–" : String.format(Locale.ROOT, "%.2f%%", 100.0 * r.covered() / r.withInterval()));
            }
            Simulation.RuleResult ours = results.getFirst();
            out.printf(Locale.ROOT, "%nworldbench verdict INCONCLUSIVE in A/A: %d / %d (%.1f%%); %.1f s%n%n",
                    ours.aaInconclusive(), ours.aaTotal(), 100.0 * ours.aaInconclusive() / ours.aaTotal(), seconds);
            out.flush();
        }
    }

    private static Map<String, String> parse(String[] args) {
        List<String> known = List.of("forks", "iterations", "fork-sigma", "iteration-sigma", "outlier-rate",
                "outlier-excess", "confidence", "minimum-effect", "aa-runs", "power-runs", "benchmarks", "changed", "seed");
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String key = rest.removeFirst();
            if (!key.startsWith("--") || !known.contains(key.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + key + "'; known: --" + String.join(", --", known));
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("option " + key + " needs a value");
            }
            String value = rest.removeFirst();
            if (!value.matches("[0-9.,eE+-]+")) {
                throw new IllegalArgumentException("option " + key + " takes a number (or a comma-separated list for"
                        + " --fork-sigma), got '" + value + "'");
            }
            options.put(key.substring(2), value);
        }
        return options;
    }
}
