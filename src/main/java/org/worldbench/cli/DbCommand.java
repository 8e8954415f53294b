package org.worldbench.cli;

import java.util.concurrent.Callable;

import org.worldbench.system.DatabaseStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench db}: which database this profile uses, and its schema version. */
@Command(name = "db", description = "Connect to the database, apply pending migrations and show its status.")
final class DbCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (PlatformContext platform = PlatformContext.start(root.profile())) {
            DatabaseStatus status = platform.bean(DatabaseStatus.class);
            var out = spec.commandLine().getOut();
            status.describe().forEach(out::println);
            out.flush();
        }
        return ExitCode.OK;
    }
}
