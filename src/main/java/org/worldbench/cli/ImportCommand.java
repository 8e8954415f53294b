package org.worldbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.worldbench.batch.importer.ImportLauncher;
import org.worldbench.importer.InvalidResultFileException;
import org.worldbench.importer.ResultFormat;
import org.worldbench.results.Run;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench import FILE}: stores another tool's result file as a run, compares it with its
 * baseline and reports it like a measured run ({@code importJob}). A bad file stores nothing and
 * exits 2 with the JSON path, line and column of the problem.
 */
@Command(name = "import", description = "Import a result file (JMH JSON, Google Benchmark JSON or BMF) as a run: stored, "
        + "compared with its baseline and reported like a measured run.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The result file.")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (detect, the default), jmh, gbench or bmf.")
    private String format;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Experiment the run belongs to; runs of one experiment "
            + "are compared with each other (default: the Google Benchmark program's name, else import-FORMAT).")
    private String experiment;

    @Option(names = "--commit", paramLabel = "SHA", description = "Git commit measured (default: CI variables, then git).")
    private String commit;

    @Option(names = "--branch", paramLabel = "NAME", description = "Git branch measured (default: CI variables, then git).")
    private String branch;

    @Option(names = "--machine-name", paramLabel = "NAME", description = "The machine the file was measured on, when it is not "
            + "this one (default: the host the file names, else this machine).")
    private String machineName;

    @Mixin
    private ReportsDirectoryOption reportsDirectory;

    @Mixin
    private VerdictTableOption table;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultFormat chosen;
        try {
            chosen = ResultFormat.ofCode(format);
        } catch (IllegalArgumentException e) {
            err.println("worldbench: --format: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_OR_FAILED;
        }
        SourceRevision revision = SourceRevision.resolve(commit, branch, System.getenv());
        try (PlatformContext platform = PlatformContext.start(root.profile(), reportsDirectory.properties())) {
            ImportLauncher launcher = platform.bean(ImportLauncher.class);
            WrittenReport written = WrittenReport.listen(platform);
            Run run;
            try {
                run = launcher.store(new ImportLauncher.Request(file, chosen, experiment, revision.commit(), revision.branch(),
                        machineName));
            } catch (InvalidResultFileException | IllegalArgumentException invalid) {
                err.println("worldbench: nothing was imported: " + invalid.getMessage());
                err.flush();
                return ExitCode.INVALID_OR_FAILED;
            }
            out.printf("run %d: %s, experiment %s, machine %s%n", run.getId(), run.getDescription(), run.getExperiment(),
                    run.getMachine().getId());
            out.flush();
            return RunCommand.finish(platform, launcher.compareAndReport(run), written, table.all(), out, err);
        }
    }
}
