package org.worldbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worldbench}: the global options; the work is done by the subcommands. */
@Command(name = "worldbench",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.VersionProvider.class,
        description = "Benchmarks physics worlds and memory-allocator configurations, stores every result "
                + "and judges each run against stored baselines.",
        subcommands = {RunCommand.class, ValidateCommand.class, ImportCommand.class, CompareEnginesCommand.class,
                RunsCommand.class, ReportCommand.class, BaselineCommand.class, RestartCommand.class, BenchmarksCommand.class,
                HistoryCommand.class, ScalingCommand.class, ProofCommand.class, InspectCommand.class, VersionCommand.class, DbCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a regression was found, 2 invalid input or failure."})
public final class RootCommand implements Runnable {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Database profile: 'h2' (embedded file under ./data, the default) or 'postgres' "
                    + "(uses WORLDBENCH_DB_URL, WORLDBENCH_DB_USER, WORLDBENCH_DB_PASSWORD).")
    private String profile;

    @Option(names = "--stacktrace", description = "Print the full stack trace when a command fails.")
    private boolean stackTrace;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    boolean showStackTrace() {
        return stackTrace;
    }

    /** The Spring profile to activate, or null for the embedded default (and SPRING_PROFILES_ACTIVE). */
    String profile() {
        return profile == null || profile.equals("h2") ? null : profile;
    }
}
