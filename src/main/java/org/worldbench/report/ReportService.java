package org.worldbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Writes {@code <reports-dir>/<run-id>/}: {@code index.html}, {@code summary.md},
 * {@code results.csv}, {@code results.json} and {@code junit.xml}. Each file is written to a
 * temporary name and moved into place, so a reader never sees half a report. Then it publishes
 * {@link ReportWritten}, so a caller in the same process need not load the run again.
 */
@Service
public class ReportService {

    public static final String[] FILES = {"index.html", "summary.md", "results.csv", "results.json", "junit.xml"};

    private final RunReportLoader loader;
    private final Path reportsDirectory;
    private final ApplicationEventPublisher events;

    public ReportService(RunReportLoader loader, @Value("${worldbench.reports-dir:./reports}") Path reportsDirectory,
            ApplicationEventPublisher events) {
        this.loader = loader;
        this.reportsDirectory = reportsDirectory;
        this.events = events;
    }

    /** Writes (or rewrites) the report of a run; returns its folder. */
    public Path write(long runId) {
        RunReport report = loader.load(runId);
        Path folder = folder(runId);
        try {
            Files.createDirectories(folder);
            writeFile(folder.resolve("index.html"), HtmlReport.render(report));
            writeFile(folder.resolve("summary.md"), MarkdownReport.render(report));
            writeFile(folder.resolve("results.csv"), CsvReport.render(report));
            writeFile(folder.resolve("results.json"), JsonReport.render(report));
            writeFile(folder.resolve("junit.xml"), JUnitXmlReport.render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder + ": " + e.getMessage(), e);
        }
        events.publishEvent(new ReportWritten(report));
        return folder;
    }

    public RunReport load(long runId) {
        return loader.load(runId);
    }

    public Path folder(long runId) {
        return reportsDirectory.resolve(Long.toString(runId));
    }

    private static void writeFile(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
