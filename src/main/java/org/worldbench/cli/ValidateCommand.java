package org.worldbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.plan.TrialPlanner;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.InvalidSpecException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench validate SPEC}: checks a spec and lists its trials, without a database. */
@Command(name = "validate", description = "Check an experiment spec and list the trials it would run (nothing is run or stored).")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "Experiment spec.")
    private Path specFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ExperimentSpec experiment = RunCommand.validate(specFile);
            var trials = TrialPlanner.plan(experiment, BenchmarkCatalog.ofClassPath());
            out.printf("%s: valid, %d trial(s), at least %s of measurement (%d fork(s) each)%n", specFile, trials.size(),
                    ProgressBar.clock(experiment.jmh().nominalTrialTime().multipliedBy(trials.size())), experiment.jmh().forks());
            trials.forEach(t -> out.printf("  %4d  %s%n", t.ordinal(), t.label()));
            out.flush();
            return ExitCode.OK;
        } catch (InvalidSpecException invalid) {
            RunCommand.reportInvalid(invalid, spec.commandLine().getErr());
            return ExitCode.INVALID_OR_FAILED;
        }
    }
}
