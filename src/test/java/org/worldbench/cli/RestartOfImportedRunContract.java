package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldbench.batch.importer.ImportLauncher;
import org.worldbench.importer.ResultFormat;

/**
 * {@code worldbench restart RUN} on an imported run: refused with exit code 2 and a message saying
 * why, and nothing changes (no table, not the job repository, not the report folder). Both an
 * imported run that completed and one whose import stopped between storing and comparing (the
 * process killed there: stored, pending, no job execution) are refused; the latter would otherwise
 * have started the experiment job on another tool's benchmarks.
 */
abstract class RestartOfImportedRunContract {

    private static final List<String> TABLES = List.of("machine", "run", "run_tag", "benchmark", "trial", "trial_metric",
            "sample", "comparison", "change_point", "batch_job_instance", "batch_job_execution", "batch_step_execution");
    private static final String JMH_JSON = """
            [{"benchmark": "org.example.Bench.measure", "mode": "avgt", "params": {"size": "8"},
              "primaryMetric": {"score": 405, "scoreUnit": "ns/op", "rawData": [[400, 410, 405], [420, 398, 401]]}}]
            """;

    @TempDir
    Path folder;

    private final Map<String, String> previousProperties = new HashMap<>();

    /** Arguments before the command (e.g. {@code --profile postgres}). */
    abstract List<String> profileArguments();

    /** The Spring profile of {@link #profileArguments()}, or null for the default (H2 file). */
    abstract String profile();

    /** The test database for commands run in this JVM, as system properties (they outrank the profiles' files). */
    abstract Map<String, String> systemProperties(Path folder);

    abstract Connection connect(Path folder) throws SQLException;

    @BeforeEach
    void pointCommandsAtTheTestDatabase() {
        systemProperties(folder).forEach((key, value) -> previousProperties.put(key, System.setProperty(key, value)));
    }

    @AfterEach
    void restoreProperties() {
        previousProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void restart_of_an_imported_run_exits_2_saying_there_is_no_experiment_and_changes_nothing() throws Exception {
        Path file = Files.writeString(folder.resolve("results.json"), JMH_JSON);
        Path reports = folder.resolve("reports");

        // given an imported run that completed, and one stored by an import that stopped before its comparison
        StringWriter output = new StringWriter();
        assertThat(run(output, "import", file.toString(), "--reports-dir", reports.toString())).as(output.toString())
                .isEqualTo(ExitCode.OK);
        long completed = importedRunId(output.toString());
        long stored;
        try (PlatformContext platform = PlatformContext.start(profile(), Map.of("worldbench.reports-dir", reports.toString()))) {
            stored = platform.bean(ImportLauncher.class).store(new ImportLauncher.Request(file, ResultFormat.JMH, null, null,
                    null, null)).getId();
        }
        Map<String, Long> rowsBefore = rowCounts();
        Map<Long, String> statusBefore = statuses();
        List<Path> reportFilesBefore = files(reports);
        assertThat(statusBefore).containsEntry(completed, "completed").containsEntry(stored, "pending");

        for (long imported : List.of(completed, stored)) {
            // when it is restarted
            StringWriter err = new StringWriter();
            int exit = run(err, "restart", Long.toString(imported), "--reports-dir", reports.toString());

            // then it is refused, saying why, and nothing changed
            assertThat(exit).as(err.toString()).isEqualTo(ExitCode.INVALID_OR_FAILED);
            assertThat(err.toString()).contains("worldbench: error: run " + imported + " was imported from " + file
                    + " (imported-jmh), not measured: there is no experiment to restart; import the file again");
            assertThat(rowCounts()).isEqualTo(rowsBefore);
            assertThat(statuses()).isEqualTo(statusBefore);
            assertThat(files(reports)).isEqualTo(reportFilesBefore);
        }
    }

    private int run(StringWriter output, String... command) {
        var commandLine = WorldbenchCli.newCommandLine();
        PrintWriter writer = new PrintWriter(output, true);
        commandLine.setOut(writer);
        commandLine.setErr(writer);
        List<String> args = new ArrayList<>(profileArguments());
        args.addAll(List.of(command));
        return commandLine.execute(args.toArray(String[]::new));
    }

    /** The run an import printed ("run 7: imported from ..."). */
    private static long importedRunId(String importOutput) {
        Matcher matcher = Pattern.compile("run (\\d+): imported from").matcher(importOutput);
        assertThat(matcher.find()).as(importOutput).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(folder); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private Map<Long, String> statuses() throws SQLException {
        Map<Long, String> statuses = new LinkedHashMap<>();
        try (Connection c = connect(folder); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, status FROM run ORDER BY id")) {
            while (rs.next()) {
                statuses.put(rs.getLong(1), rs.getString(2));
            }
        }
        return statuses;
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().toList();
        }
    }
}
