package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldbench.batch.experiment.TrialProgress;
import org.worldbench.analysis.Verdict;
import org.worldbench.report.RunReport;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/** What the user sees before and after a run, without a database: validation, exit codes, progress lines. */
class RunCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var commandLine = WorldbenchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void invalid_spec_exits_2_listing_every_problem_before_anything_starts() throws IOException {
        Path spec = Files.writeString(folder.resolve("bad.yaml"), "name: x\nbenchmarks: [nosuch]\njmh:\n  forks: zero\n");

        int exit = run("run", spec.toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("worldbench: invalid experiment spec, nothing was run or stored (2 problems):");
        assertThat(lines.get(1)).startsWith("  " + spec + ":2: benchmarks[0]: unknown benchmark 'nosuch' (closest: ");
        assertThat(lines.get(2)).isEqualTo("  " + spec + ":4: jmh.forks: expected an integer, got text 'zero'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missing_spec_file_exits_2_naming_it() {
        int exit = run("run", folder.resolve("nope.yaml").toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("nope.yaml: no such file");
    }

    @Test
    void validate_lists_the_trials_of_the_quick_spec() {
        int exit = run("validate", "config/experiments/quick.yaml");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("valid, 4 trial(s)").contains("synthetic{size=10000,slowdown=10}");
    }

    @Test
    void the_proof_specs_are_valid_and_have_the_documented_sizes() {
        assertThat(run("validate", "config/experiments/proof-aa.yaml")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("valid, 30 trial(s)");
        assertThat(run("validate", "config/experiments/proof-power.yaml")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("valid, 40 trial(s)");
    }

    @Test
    void exit_code_is_0_without_regression_1_with_one_and_2_when_a_trial_failed() {
        assertThat(VerdictTable.exitCode(report(Verdict.UNCHANGED, "done"))).isEqualTo(ExitCode.OK);
        assertThat(VerdictTable.exitCode(report(Verdict.INCONCLUSIVE, "done"))).isEqualTo(ExitCode.OK);
        assertThat(VerdictTable.exitCode(report(Verdict.REGRESSED, "done"))).isEqualTo(ExitCode.REGRESSION);
        assertThat(VerdictTable.exitCode(report(Verdict.REGRESSED, "failed"))).isEqualTo(ExitCode.INVALID_OR_FAILED);
    }

    @Test
    void verdict_table_has_a_line_per_benchmark_and_says_why_it_regressed() {
        StringWriter table = new StringWriter();

        VerdictTable.print(report(Verdict.REGRESSED, "done"), new PrintWriter(table), false);

        assertThat(table.toString()).contains("synthetic{slowdown=5}").contains("REGRESSED (worse by +10%)")
                .contains("1 regressed, 0 improved");
    }

    @Test
    void progress_lines_off_a_terminal_name_trial_benchmark_elapsed_and_eta() {
        StringWriter lines = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(lines), false, 1)) {
            bar.on(new TrialProgress(1, 1, 3, 0, "synthetic{slowdown=0}", TrialProgress.Phase.STARTED, Duration.ofSeconds(10), null));
            bar.on(new TrialProgress(1, 1, 3, 1, "synthetic{slowdown=0}", TrialProgress.Phase.MEASURED, Duration.ofSeconds(10), null));
        }

        assertThat(lines.toString().lines().toList()).hasSize(2);
        assertThat(lines.toString().lines().findFirst().orElseThrow())
                .matches("\\[1/3] measuring synthetic\\{slowdown=0}  \\(elapsed 0:00, ETA 0:3\\d\\)");
    }

    @Test
    void progress_lines_of_an_interleaved_run_name_the_round_and_count_forks_for_the_eta() {
        StringWriter lines = new StringWriter();
        var round = new TrialProgress.Round(2, 5, 17, 30);
        try (ProgressBar bar = new ProgressBar(new PrintWriter(lines), false, 5)) {
            // fork 2 of trial 17 of round 2: 46 of 150 forks done; before any has ended, one fork is guessed at 2 s + 2 s JVM start
            bar.on(new TrialProgress(1, 4, 150, 46, "synthetic{slowdown=0}", TrialProgress.Phase.STARTED, Duration.ofSeconds(2), null,
                    round));
        }

        assertThat(lines.toString().lines().findFirst().orElseThrow())
                .matches("\\[round 2/5] \\[17/30] measuring synthetic\\{slowdown=0}  \\(elapsed 0:00, ETA 6:5\\d\\)");
    }

    private static RunReport report(Verdict verdict, String trialStatus) {
        MetricResult primary = new MetricResult("primary", "ns/op", 110, 1, 110, new double[][] {{110}}, new double[][] {{100}},
                verdict, 100, 10, 5, "worse by +10%");
        List<BenchmarkResult> benchmarks = List.of(new BenchmarkResult(1, "synthetic", "S", "slowdown=5", "done", "avgt", null, 1,
                List.of(primary)), new BenchmarkResult(2, "other", "S", "", trialStatus, null, null, 0, List.of()));
        return new RunReport(1, "x", "", "completed", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null, Map.of(), "m", "f",
                null, "note", "method", benchmarks, Instant.EPOCH);
    }
}
