package org.worldbench.cli;

import java.util.Optional;

import org.worldbench.report.ReportWritten;
import org.worldbench.report.RunReport;
import org.worldbench.results.Run;
import org.worldbench.results.RunStatus;

/**
 * The report the job's report step built in this process, kept for the verdict table: at 100,000
 * results, loading the run again from the database would read every trial, metric and comparison
 * a second time.
 */
final class WrittenReport {

    private volatile RunReport last;

    /** Starts listening before the job runs. */
    static WrittenReport listen(PlatformContext platform) {
        WrittenReport written = new WrittenReport();
        platform.onEvent(ReportWritten.class, written::on);
        return written;
    }

    void on(ReportWritten event) {
        last = event.report();
    }

    /**
     * The written report of this run if the run is stored as completed: the report step marks it
     * completed before it builds the report and is the job's last step, so the report says what a
     * new load would say. Anything else (no report written, the job failed after it) is loaded again.
     */
    Optional<RunReport> of(Run run) {
        RunReport report = last;
        if (report == null || report.runId() != run.getId() || run.getStatus() != RunStatus.COMPLETED) {
            return Optional.empty();
        }
        return Optional.of(report);
    }
}
