package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The command line answers without starting Spring: help, version and usage errors. */
class CommandLineUsageTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var commandLine = WorldbenchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void help_lists_every_command() {
        int exit = run("--help");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: worldbench").contains("version").contains("db");
    }

    @Test
    void version_names_the_build_and_the_runtime() {
        int exit = run("version");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("worldbench ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void unknown_command_exits_2_with_one_line_naming_it() {
        int exit = run("frobnicate");

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("frobnicate");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknown_flag_exits_2_with_one_line_naming_it() {
        int exit = run("version", "--colour");

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("--colour");
    }

    @Test
    void missing_option_value_exits_2() {
        int exit = run("--profile");

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("--profile");
    }
}
