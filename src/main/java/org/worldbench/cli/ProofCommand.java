package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.worldbench.analysis.proof.VerdictProof;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench proof [OPTIONS]}: the simulation harness behind docs/verdicts.md. Prints the A/A
 * and power tables of worldbench's verdict rule beside a plain Mann–Whitney U test at α = 0.05 and a
 * fixed 5% threshold on the mean, all on the same simulated samples. Pure computation: no database.
 */
@Command(name = "proof", description = {"Simulate A/A and power runs and print the error rates of worldbench's verdicts "
        + "beside a plain U test (α = 0.05) and a 5% threshold on the mean (docs/verdicts.md).",
        "Options: --forks N --iterations N --fork-sigma S[,S...] --iteration-sigma S --outlier-rate R --outlier-excess E "
                + "--confidence C --minimum-effect F --aa-runs N --power-runs N --benchmarks N --changed N --seed N"})
final class ProofCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            VerdictProof.run(options.toArray(String[]::new), out);
        } catch (IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("worldbench proof: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_OR_FAILED;
        }
        out.flush();
        return ExitCode.OK;
    }
}
