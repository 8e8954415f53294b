package org.worldbench.cli;

import java.util.concurrent.Callable;

import org.worldbench.results.Baseline;
import org.worldbench.results.BaselineRepository;
import org.worldbench.results.Baselines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench baseline set NAME RUN} and {@code worldbench baseline list}. */
@Command(name = "baseline", description = "Named baselines (per machine).",
        subcommands = {BaselineCommand.Set.class, BaselineCommand.ListBaselines.class})
final class BaselineCommand implements Runnable {

    @ParentCommand
    RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "set", description = "Promote a completed run to the baseline NAME on its machine.")
    static final class Set implements Callable<Integer> {

        @ParentCommand
        private BaselineCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Baseline name, e.g. main.")
        private String name;

        @Parameters(index = "1", paramLabel = "RUN", description = "Run id.")
        private long runId;

        @Override
        public Integer call() {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "'" + name + "' is not a baseline name (letters, digits, '.', '_', '-')");
            }
            try (PlatformContext platform = PlatformContext.start(parent.root.profile())) {
                Baseline baseline = platform.bean(Baselines.class).promote(name, runId);
                spec.commandLine().getOut().printf("baseline '%s' on machine %d is now run %d%n", baseline.getName(),
                        baseline.getMachineId(), baseline.getRunId());
                spec.commandLine().getOut().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List named baselines.")
    static final class ListBaselines implements Callable<Integer> {

        @ParentCommand
        private BaselineCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try (PlatformContext platform = PlatformContext.start(parent.root.profile())) {
                var out = spec.commandLine().getOut();
                var all = platform.bean(BaselineRepository.class).findAll();
                out.printf("%-20s  %8s  %6s  %s%n", "name", "machine", "run", "updated (UTC)");
                all.forEach(b -> out.printf("%-20s  %8d  %6d  %s%n", b.getName(), b.getMachineId(), b.getRunId(), b.getUpdatedAt()));
                out.flush();
            }
            return ExitCode.OK;
        }
    }
}
