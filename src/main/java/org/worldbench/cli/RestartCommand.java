package org.worldbench.cli;

import java.util.concurrent.Callable;

import org.worldbench.batch.experiment.ExperimentLauncher;
import org.worldbench.batch.experiment.TrialProgress;
import org.worldbench.results.Run;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench restart RUN}: continues an interrupted run with its first unfinished trial. */
@Command(name = "restart", description = "Continue an interrupted run (killed, crashed) with its first unfinished trial.")
final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "Run id (see 'worldbench runs').")
    private long runId;

    @Option(names = "--force", description = "Restart even if the run was last measured on another host.")
    private boolean force;

    @Mixin
    private ReportsDirectoryOption reportsDirectory;

    @Mixin
    private VerdictTableOption table;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        org.worldbench.experiment.jmh.ForkableClassPath.check();
        try (PlatformContext platform = PlatformContext.start(root.profile(), reportsDirectory.properties());
                ProgressBar progress = new ProgressBar(out, System.console() != null && System.console().isTerminal(), 1)) {
            platform.onEvent(TrialProgress.class, progress::on);
            WrittenReport written = WrittenReport.listen(platform);
            Run run = platform.bean(ExperimentLauncher.class).restart(runId, force);
            progress.close();
            return RunCommand.finish(platform, run, written, table.all(), out, spec.commandLine().getErr());
        }
    }
}
