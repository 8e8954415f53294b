package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.catalog.BenchmarkDefinition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench benchmarks}: the benchmarks this build can run, with their parameters. */
@Command(name = "benchmarks", description = "List the benchmarks of this build with their parameters and declared values.")
final class BenchmarksCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (BenchmarkDefinition b : BenchmarkCatalog.ofClassPath().all()) {
            out.printf("%s  (%s, %s)%n", b.name(), b.className(), b.mode().shortLabel());
            b.parameters().values().forEach(p -> out.printf("    %s: %s%s%n", p.name(), String.join(", ", p.declaredValues()),
                    p.type() == null ? "" : "  [" + p.type().getSimpleName() + "]"));
        }
        out.flush();
        return ExitCode.OK;
    }
}
