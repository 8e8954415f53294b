package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.worldbench.batch.importer.ImportLauncher;
import org.worldbench.importer.ResultFormat;
import org.worldbench.report.ReportService;
import org.worldbench.report.ReportWritten;
import org.worldbench.report.RunReport;
import org.worldbench.results.Run;
import org.worldbench.results.RunStatus;
import org.worldbench.testsupport.db.H2Test;

/**
 * The verdict table and exit code printed from the report the report step wrote are those of the
 * full second load the command line used to do; a run without a written report is loaded again.
 * No new query is involved (the written report is the loader's own), so H2 suffices.
 */
@H2Test
@SpringBootTest
@RecordApplicationEvents
class WrittenReportH2Test {

    @DynamicPropertySource
    static void reportsDirectory(DynamicPropertyRegistry registry) {
        try {
            Path reports = Files.createTempDirectory("worldbench-written-report");
            registry.add("worldbench.reports-dir", reports::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired ImportLauncher importer;
    @Autowired ReportService reports;
    @Autowired ApplicationEvents events;

    @Test
    void the_written_report_prints_the_table_and_exit_code_of_a_full_load() throws URISyntaxException {
        Path file = Path.of(WrittenReportH2Test.class.getResource("/samples/gbench-dart-release-2026-11-24.json").toURI());
        importer.importFile(new ImportLauncher.Request(file, ResultFormat.GBENCH, null, "c0ffee1", "main", null));
        events.clear();
        Run second = importer.importFile(new ImportLauncher.Request(file, ResultFormat.GBENCH, null, "c0ffee2", "main", null));
        WrittenReport written = new WrittenReport();
        events.stream(ReportWritten.class).forEach(written::on);

        RunReport fromStep = written.of(second).orElseThrow();
        RunReport loaded = reports.load(second.getId());

        assertThat(second.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(fromStep.benchmarks()).isNotEmpty();
        assertThat(fromStep.baselineNote()).as("compared with the first import").isNotNull();
        assertThat(table(fromStep)).isEqualTo(table(loaded));
        assertThat(VerdictTable.exitCode(fromStep)).isEqualTo(VerdictTable.exitCode(loaded));
    }

    @Test
    void a_report_of_another_run_or_none_is_not_used() throws URISyntaxException {
        Path file = Path.of(WrittenReportH2Test.class.getResource("/samples/gbench-dart-release-2026-11-24.json").toURI());
        Run other = importer.importFile(new ImportLauncher.Request(file, ResultFormat.GBENCH, null, "c0ffee3", "main", null));
        Run run = importer.importFile(new ImportLauncher.Request(file, ResultFormat.GBENCH, null, "c0ffee4", "main", null));
        WrittenReport written = new WrittenReport();

        assertThat(written.of(run)).as("nothing written yet").isEmpty();
        written.on(new ReportWritten(reports.load(other.getId())));
        assertThat(written.of(run)).as("the report of another run").isEmpty();
    }

    private static String table(RunReport report) {
        StringWriter text = new StringWriter();
        VerdictTable.print(report, new PrintWriter(text), false);
        return text.toString();
    }
}
