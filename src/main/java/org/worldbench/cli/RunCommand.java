package org.worldbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.worldbench.batch.experiment.ExperimentLauncher;
import org.worldbench.batch.experiment.ExperimentSpecs;
import org.worldbench.batch.experiment.TrialProgress;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.jmh.ForkableClassPath;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.InvalidSpecException;
import org.worldbench.report.ReportService;
import org.worldbench.results.Run;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench run SPEC}: validates the spec (before anything starts or is stored), runs
 * {@code experimentJob} with a progress bar, prints the verdict table and the report path.
 * Exit code 0 no regression, 1 a regression, 2 invalid input or a failure.
 */
@Command(name = "run", description = "Run an experiment spec: measure every trial, compare with the baseline, write the report.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "Experiment spec, e.g. config/experiments/quick.yaml.")
    private Path specFile;

    @Option(names = "--commit", paramLabel = "SHA", description = "Git commit measured (default: CI variables, then git).")
    private String commit;

    @Option(names = "--branch", paramLabel = "NAME", description = "Git branch measured (default: CI variables, then git).")
    private String branch;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A label stored with the run; repeatable.")
    private Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--force-machine", description = "Compare with a baseline measured on another machine instead of "
            + "refusing it; every verdict and the report then say so (same as 'baseline: {allow-other-machine: true}').")
    private boolean forceMachine;

    @Mixin
    private ReportsDirectoryOption reportsDirectory;

    @Mixin
    private VerdictTableOption table;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentSpec experiment;
        try {
            experiment = validate(specFile);
        } catch (InvalidSpecException invalid) {
            reportInvalid(invalid, err);
            return ExitCode.INVALID_OR_FAILED;
        }
        ForkableClassPath.check(); // before anything starts: 'java -jar' on the nested jar cannot fork
        SourceRevision revision = SourceRevision.resolve(commit, branch, System.getenv());
        try (PlatformContext platform = PlatformContext.start(root.profile(), reportsDirectory.properties());
                ProgressBar progress = new ProgressBar(out, System.console() != null && System.console().isTerminal(),
                        experiment.jmh().forks())) {
            platform.onEvent(TrialProgress.class, progress::on);
            WrittenReport written = WrittenReport.listen(platform);
            ExperimentLauncher launcher = platform.bean(ExperimentLauncher.class);
            Run run = launcher.prepare(new ExperimentLauncher.Request(specFile, revision.commit(), revision.branch(), tags, forceMachine));
            out.printf("run %d: %s, %s on %s%n", run.getId(), experiment.name(),
                    revision.commit() == null ? "no commit" : "commit " + abbreviate(revision.commit()),
                    revision.branch() == null ? "no branch" : "branch " + revision.branch());
            out.flush();
            run = launcher.start(run);
            progress.close();
            return finish(platform, run, written, table.all(), out, err);
        }
    }

    /**
     * Shared with {@code import} and {@code restart}: the verdict table, the report path, the exit
     * code. The table comes from the report the job's report step just built, when there is one.
     */
    static int finish(PlatformContext platform, Run run, WrittenReport written, boolean allRows, PrintWriter out,
            PrintWriter err) {
        ReportService reports = platform.bean(ReportService.class);
        var report = written.of(run).orElseGet(() -> reports.load(run.getId()));
        VerdictTable.print(report, out, allRows);
        Path index = reports.folder(run.getId()).resolve("index.html");
        if (Files.exists(index)) {
            out.println("report: " + index);
        }
        if (run.getFailure() != null) {
            err.println("worldbench: run " + run.getId() + " failed: " + run.getFailure().lines().findFirst().orElse("")
                    + " (continue it with 'worldbench restart " + run.getId() + "')");
        }
        out.flush();
        err.flush();
        return VerdictTable.exitCode(report);
    }

    static ExperimentSpec validate(Path specFile) {
        if (!Files.isRegularFile(specFile)) {
            throw new InvalidSpecException(java.util.List.of(new org.worldbench.experiment.spec.SpecProblem(specFile.toString(), 0, "",
                    Files.exists(specFile) ? "not a regular file" : "no such file")));
        }
        return ExperimentSpecs.parser(BenchmarkCatalog.ofClassPath(), specFile).parse(specFile);
    }

    static void reportInvalid(InvalidSpecException invalid, PrintWriter err) {
        err.println("worldbench: invalid experiment spec, nothing was run or stored (" + invalid.problems().size() + " problem"
                + (invalid.problems().size() == 1 ? "" : "s") + "):");
        invalid.problems().forEach(p -> err.println("  " + p));
        err.flush();
    }

    private static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
