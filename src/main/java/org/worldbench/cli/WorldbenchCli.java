package org.worldbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of {@code target/worldbench.jar} and the {@code ./worldbench} launcher.
 *
 * <p>Arguments are parsed before anything else starts: a typo costs a one-line error and exit
 * code 2, not a Spring boot-up. Commands that need the database open a {@link PlatformContext}
 * themselves.
 */
public final class WorldbenchCli {

    private WorldbenchCli() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code (tests call this in-process). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** A fresh command line with worldbench's error handling; tests set its output writers. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setParameterExceptionHandler(WorldbenchCli::reportUsageError);
        commandLine.setExecutionExceptionHandler(WorldbenchCli::reportFailure);
        return commandLine;
    }

    /** An unknown command or flag: one line on stderr naming it, exit code 2. */
    private static int reportUsageError(ParameterException problem, String[] args) {
        PrintWriter err = problem.getCommandLine().getErr();
        String command = problem.getCommandLine().getCommandSpec().qualifiedName();
        err.printf("%s: %s (see '%s --help')%n", command, firstLine(problem.getMessage()), command);
        return ExitCode.INVALID_OR_FAILED;
    }

    /** A command failed: its message on one line; the stack trace only with --stacktrace. */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        err.println("worldbench: error: " + CliErrors.describe(failure));
        RootCommand root = commandLine.getCommandSpec().root().userObject() instanceof RootCommand r ? r : null;
        if (root != null && root.showStackTrace()) {
            failure.printStackTrace(err);
        }
        return ExitCode.INVALID_OR_FAILED;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid arguments";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
