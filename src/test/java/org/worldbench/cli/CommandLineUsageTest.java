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

    @Test
    void proof_simulates_and_prints_the_three_rules_side_by_side() {
        int exit = run("proof", "--forks", "2", "--iterations", "3", "--fork-sigma", "0.01", "--aa-runs", "1",
                "--power-runs", "1", "--benchmarks", "3", "--changed", "1");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("| rule | A/A flagged | power 2% | power 5% | power 10% |")
                .contains("| worldbench verdict | ").contains("| plain U test, α = 0.05 | ").contains("| mean moved ≥ 5% | ");
    }

    @Test
    void proof_with_a_bad_option_exits_2_naming_it() {
        assertThat(run("proof", "--forks", "many")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("option --forks takes a number").contains("'many'");
        assertThat(run("proof", "--colour", "1")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("unknown option '--colour'");
    }
}
