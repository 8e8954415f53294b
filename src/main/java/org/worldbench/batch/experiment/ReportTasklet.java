package org.worldbench.batch.experiment;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.worldbench.report.ReportService;

/** Step 4, report: writes {@code reports/<run-id>/} (HTML, Markdown, CSV, JSON, JUnit XML). */
final class ReportTasklet implements Tasklet {

    private final long runId;
    private final ReportService reports;

    ReportTasklet(long runId, ReportService reports) {
        this.runId = runId;
        this.reports = reports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        reports.write(runId);
        return RepeatStatus.FINISHED;
    }
}
