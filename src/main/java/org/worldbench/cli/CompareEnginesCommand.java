package org.worldbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.worldbench.report.engines.EngineComparison;
import org.worldbench.report.engines.EngineComparisonService;
import org.worldbench.report.engines.EngineMapping;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench compare-engines RUN_A RUN_B --mapping FILE}: two runs of different engines (e.g.
 * worldbench's JMH run and DART's imported Google Benchmark run), pair by pair as ratios with
 * bootstrap intervals. No verdicts, so the exit code is 0 whatever the ratios.
 */
@Command(name = "compare-engines", description = "Compare two runs of different engines pair by pair (ratios of median times "
        + "with bootstrap intervals, no verdicts); pairs come from a mapping file such as config/mappings/dart.yaml.")
final class CompareEnginesCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "Run of the first engine (numerator of each ratio).")
    private long runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "Run of the second engine.")
    private long runB;

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "Pairs of benchmark names, e.g. config/mappings/dart.yaml.")
    private Path mappingFile;

    @Mixin
    private ReportsDirectoryOption reportsDirectory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineMapping mapping;
        try {
            mapping = EngineMapping.read(mappingFile); // before the platform starts: a typo costs one line
        } catch (IllegalArgumentException invalid) {
            err.println("worldbench: invalid mapping: " + invalid.getMessage());
            err.flush();
            return ExitCode.INVALID_OR_FAILED;
        }
        try (PlatformContext platform = PlatformContext.start(root.profile(), reportsDirectory.properties())) {
            EngineComparisonService service = platform.bean(EngineComparisonService.class);
            EngineComparison comparison = service.compare(runA, runB, mapping);
            Path folder = service.write(comparison);
            out.print(java.nio.file.Files.readString(folder.resolve("summary.md")));
            out.println("report: " + folder.resolve("index.html"));
            out.flush();
            return ExitCode.OK;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
