package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.worldbench.report.engines.ThreadScalingService;
import org.worldbench.report.engines.ThreadScalingTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench scaling RUN [--target X]}: throughput with T threads over throughput with 1
 * thread for every benchmark of the run with a {@code threads} parameter, with bootstrap intervals
 * (e.g. after {@code worldbench run config/experiments/parallel-paired.yaml}, where each fork measures
 * both thread counts, or {@code parallel-scaling.yaml}, where they are separate trials). No verdicts,
 * so the exit code is 0 whatever the ratios; 2 when the run has nothing to scale.
 */
@Command(name = "scaling", description = "Print throughput(T threads) / throughput(1 thread) with 95% bootstrap intervals for "
        + "every benchmark of a run with a 'threads' parameter, e.g. after config/experiments/parallel-paired.yaml.")
final class ScalingCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run, measured or imported.")
    private long runId;

    @Option(names = "--target", paramLabel = "X",
            description = "The scaling asked for (e.g. 1.9 for 2 threads): each row says whether its interval shows it met or missed.")
    private Double target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target != null && !(target > 0 && Double.isFinite(target))) {
            err.println("worldbench scaling: --target must be a number > 0, got " + target);
            err.flush();
            return ExitCode.INVALID_OR_FAILED;
        }
        try (PlatformContext platform = PlatformContext.start(root.profile())) {
            ThreadScalingTable table = platform.bean(ThreadScalingService.class).table(runId, target == null ? Double.NaN : target);
            if (table.rows().isEmpty()) {
                err.println("worldbench scaling: run " + runId + " has no paired benchmark with '" + ThreadScalingService.THREADS
                        + "' > 1 and no benchmark measured with '" + ThreadScalingService.THREADS + "' = 1 and another value");
                err.flush();
                return ExitCode.INVALID_OR_FAILED;
            }
            out.print(table.markdown());
            out.flush();
            return ExitCode.OK;
        }
    }
}
