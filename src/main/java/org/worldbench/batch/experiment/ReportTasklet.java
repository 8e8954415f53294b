package org.worldbench.batch.experiment;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.worldbench.report.ReportService;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStatus;

/**
 * Step 4, report: marks the run completed (everything is measured and compared; the report is part
 * of the record, so it must say so) and writes {@code reports/<run-id>/} (HTML, Markdown, CSV, JSON,
 * JUnit XML). If writing fails, the job fails and the run is marked failed again.
 */
class ReportTasklet implements Tasklet {

    private final long runId;
    private final ReportService reports;
    private final RunRepository runs;
    private final java.time.Clock clock;

    ReportTasklet(long runId, ReportService reports, RunRepository runs, java.time.Clock clock) {
        this.runId = runId;
        this.reports = reports;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        run.markFinished(RunStatus.COMPLETED, null, clock.instant());
        runs.saveAndFlush(run);
        reports.write(runId);
        return RepeatStatus.FINISHED;
    }
}
