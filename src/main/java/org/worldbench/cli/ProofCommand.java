package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.worldbench.analysis.VerdictSettings;
import org.worldbench.analysis.proof.DecisionRule;
import org.worldbench.analysis.proof.NoiseModel;
import org.worldbench.analysis.proof.RunProof;
import org.worldbench.analysis.proof.VerdictProof;
import org.worldbench.report.RunProofLoader;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench proof}: the error rates of worldbench's verdicts beside a plain Mann–Whitney U test
 * at α = 0.05 and a fixed 5% threshold on the mean, all on the same samples (docs/verdicts.md).
 * Without run options it simulates runs ({@link VerdictProof}, no database); with {@code --aa-run}
 * or {@code --power-run} it judges stored runs ({@link RunProof}).
 */
@Command(name = "proof", description = {"Error rates of worldbench's verdicts beside a plain U test (α = 0.05) and a 5%% "
        + "threshold on the mean, on the same samples (docs/verdicts.md).",
        "Simulated (no database): --forks N --iterations N --fork-sigma S[,S...] --iteration-sigma S --outlier-rate R "
                + "--outlier-excess E --confidence C --minimum-effect F --aa-runs N --power-runs N --benchmarks N --changed N --seed N",
        "Stored runs: --aa-run RUN (against its baseline run) and/or --power-run RUN (slowdown=s against slowdown=0)."})
final class ProofCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--aa-run", paramLabel = "RUN", description = "A/A: judge this run against its baseline run (same configuration, fresh forks).")
    private Long aaRun;

    @Option(names = "--power-run", paramLabel = "RUN", description = "Power: in this run, each slowdown=s trial against slowdown=0 with the same other parameters.")
    private Long powerRun;

    @Unmatched
    private List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (aaRun == null && powerRun == null) {
                VerdictProof.run(options.toArray(String[]::new), out);
            } else {
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("simulation options (" + String.join(" ", options)
                            + ") do not apply to stored runs");
                }
                storedRuns(out);
            }
        } catch (IllegalArgumentException e) {
            err.println("worldbench proof: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_OR_FAILED;
        }
        out.flush();
        return ExitCode.OK;
    }

    private void storedRuns(PrintWriter out) {
        try (PlatformContext platform = PlatformContext.start(root.profile())) {
            RunProofLoader loader = platform.bean(RunProofLoader.class);
            List<DecisionRule> rules = RunProof.rules(platform.bean(VerdictSettings.class));
            if (aaRun != null) {
                Run run = platform.bean(RunRepository.class).findById(aaRun)
                        .orElseThrow(() -> new IllegalArgumentException("no run with id " + aaRun));
                if (run.getBaselineRunId() == null) {
                    throw new IllegalArgumentException("run " + aaRun + " has no baseline run: " + run.getBaselineNote());
                }
                RunProofLoader.Loaded trial = loader.load(aaRun);
                RunProofLoader.Loaded baseline = loader.load(run.getBaselineRunId());
                List<RunProof.Pair> pairs = RunProof.aaPairs(trial.trials(), baseline.trials());
                out.printf(Locale.ROOT, "### A/A: run %d against run %d (%d benchmarks, %s)%n%n", aaRun, run.getBaselineRunId(),
                        pairs.size(), String.join(", ", trial.units()));
                out.println("| rule | A/A flagged | inconclusive |");
                out.println("|---|---:|---:|");
                for (RunProof.Count c : RunProof.judge(pairs, unit(trial), rules)) {
                    out.printf(Locale.ROOT, "| %s | %d / %d (%.2f%%) | %d |%n", c.rule(), c.flagged(), c.total(),
                            c.total() == 0 ? 0.0 : 100.0 * c.flagged() / c.total(), c.inconclusive());
                }
                NoiseModel.Estimate noise = NoiseModel.estimate(trial.trials().stream().map(RunProof.Trial::samples).toList());
                out.printf(Locale.ROOT, "%nNoise of run %d (NoiseModel.estimate): iteration σ = %.2f%%, fork σ = %.2f%%, "
                                + "outliers %.1f%% of iterations averaging +%.0f%%%n%n", aaRun, 100 * noise.iterationSigma(),
                        100 * noise.forkSigma(), 100 * noise.outlierRate(), 100 * noise.outlierMeanExcess());
            }
            if (powerRun != null) {
                RunProofLoader.Loaded run = loader.load(powerRun);
                Map<String, List<RunProof.Pair>> levels = RunProof.powerPairs(run.trials(), "slowdown");
                if (levels.isEmpty()) {
                    throw new IllegalArgumentException("run " + powerRun + " has no trials with slowdown=0 and another slowdown"
                            + " with the same other parameters (config/experiments/proof-power.yaml has them)");
                }
                out.printf(Locale.ROOT, "### Power: run %d, each slowdown against slowdown=0 of the same size%n%n", powerRun);
                out.println("| slowdown | rule | REGRESSED | IMPROVED | inconclusive |");
                out.println("|---:|---|---:|---:|---:|");
                levels.forEach((level, pairs) -> {
                    for (RunProof.Count c : RunProof.judge(pairs, unit(run), rules)) {
                        out.printf(Locale.ROOT, "| %s%% | %s | %d / %d (%.1f%%) | %d | %d |%n", level, c.rule(), c.regressed(),
                                c.total(), 100.0 * c.regressed() / c.total(), c.improved(), c.inconclusive());
                    }
                });
                out.println();
            }
        }
    }

    private static String unit(RunProofLoader.Loaded loaded) {
        if (loaded.units().size() != 1) {
            throw new IllegalArgumentException("the run's primary scores come in " + loaded.units()
                    + "; a table needs exactly one unit");
        }
        return loaded.units().iterator().next();
    }
}
