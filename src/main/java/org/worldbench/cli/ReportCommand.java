package org.worldbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.worldbench.report.ReportService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench report RUN}: writes a run's report files again from the database. */
@Command(name = "report", description = "Write the report of a stored run again (index.html, summary.md, results.csv, results.json, junit.xml).")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "Run id (see 'worldbench runs').")
    private long runId;

    @Mixin
    private ReportsDirectoryOption reportsDirectory;

    @Mixin
    private VerdictTableOption table;

    @Override
    public Integer call() {
        try (PlatformContext platform = PlatformContext.start(root.profile(), reportsDirectory.properties())) {
            ReportService reports = platform.bean(ReportService.class);
            Path folder = reports.write(runId);
            var out = spec.commandLine().getOut();
            var report = reports.load(runId);
            VerdictTable.print(report, out, table.all());
            out.println("report: " + folder.resolve("index.html"));
            out.flush();
            return VerdictTable.exitCode(report);
        }
    }
}
