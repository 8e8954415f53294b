package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.worldbench.experiment.spec.InvalidSpecs;

/**
 * The commands as a user types them, in process, on the default profile (an H2 file in a folder of
 * its own): run, runs, report, baseline set/list, restart. One tiny run (1 trial, 1 fork) is shared
 * by the tests, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsOnH2FileTest extends CliOnH2File {


    @Test
    @Order(1)
    void runs_on_an_empty_database_says_how_to_start() {
        assertThat(run("runs")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("no runs yet: try './worldbench run config/experiments/quick.yaml'");
    }

    @Test
    @Order(2)
    void run_prints_progress_the_verdict_table_and_the_report_path() throws IOException {
        Path spec = Files.writeString(folder.resolve("tiny.yaml"), InvalidSpecs.VALID);

        int exit = run("run", spec.toString(), "--reports-dir", folder.resolve("reports").toString(), "--commit", "c0ffee",
                "--branch", "feature", "--tag", "team=physics");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("run 1: tiny, commit c0ffee on branch feature")
                .contains("[1/1] measuring synthetic{size=10000,slowdown=0}")
                .contains("[1/1] measured  synthetic{size=10000,slowdown=0}")
                .contains("INCONCLUSIVE")
                .contains("report: " + folder.resolve("reports").resolve("1").resolve("index.html"));
    }

    @Test
    @Order(3)
    void runs_lists_the_run() {
        assertThat(run("runs", "--experiment", "tiny")).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines().skip(1).findFirst().orElseThrow())
                .matches("\\s+1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+completed\\s+1/1\\s+tiny\\s+c0ffee\\s+feature\\s+\\w{12}");
    }

    @Test
    @Order(4)
    void report_writes_the_files_again_elsewhere() {
        Path elsewhere = folder.resolve("again");

        assertThat(run("report", "1", "--reports-dir", elsewhere.toString())).isEqualTo(ExitCode.OK);
        assertThat(elsewhere.resolve("1").resolve("summary.md")).content().contains("tiny — run 1");
        assertThat(elsewhere.resolve("1").resolve("junit.xml")).isNotEmptyFile();
    }

    @Test
    @Order(5)
    void baseline_set_promotes_the_run_and_list_shows_it() {
        assertThat(run("baseline", "set", "main", "1")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("baseline 'main' on machine 1 is now run 1");
        assertThat(run("baseline", "list")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).containsPattern("main\\s+1\\s+1");
    }

    @Test
    @Order(6)
    void restart_of_a_completed_run_exits_2_saying_there_is_nothing_to_restart() {
        assertThat(run("restart", "1")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("run 1 is completed: nothing to restart");
    }

    @Test
    @Order(7)
    void unknown_run_and_bad_baseline_name_exit_2() {
        assertThat(run("report", "999")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("no run with id 999");
        assertThat(run("baseline", "set", "not a name", "1")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("'not a name' is not a baseline name");
    }

    @Test
    @Order(8)
    void history_prints_the_series_of_each_parameter_combination() {
        assertThat(run("history", "synthetic")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("synthetic{size=10000,slowdown=0}  primary  (ns/op, 1 completed runs")
                .containsPattern("run\\s+1\\s+\\d")
                .contains("latest run: too-short: history has 1 runs; change points need at least 6");

        assertThat(run("history", "nosuch")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("no benchmark 'nosuch' was ever stored");
    }

    @Test
    @Order(9)
    void proof_on_a_run_without_baseline_exits_2_saying_so() {
        assertThat(run("proof", "--aa-run", "1")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("run 1 has no baseline run");
        assertThat(run("proof", "--power-run", "1")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("run 1 has no trials with slowdown=0 and another slowdown");
    }
}
