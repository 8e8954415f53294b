package org.worldbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench version}: the build and the JVM running it (no database needed). */
@Command(name = "version", description = "Print the worldbench version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        BuildInfo info = BuildInfo.load();
        var out = spec.commandLine().getOut();
        out.println("worldbench " + info.version() + " (built " + info.buildTime() + ")");
        out.println(info.runtime());
        out.flush();
        return ExitCode.OK;
    }
}
