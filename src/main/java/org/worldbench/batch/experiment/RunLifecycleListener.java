package org.worldbench.batch.experiment;

import java.time.Clock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.results.Machines;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStatus;

/**
 * Keeps the run's status in step with its job execution: running (with this process's host and
 * pid, so a later restart can tell a live run from a killed one) when the job starts or restarts,
 * completed or failed when it ends. Shared by {@code experimentJob} and {@code importJob}.
 */
public final class RunLifecycleListener implements JobExecutionListener {

    private final RunRepository runs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RunLifecycleListener(RunRepository runs, TransactionTemplate transactions, Clock clock) {
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong(ExperimentJobConfiguration.RUN_ID);
        transactions.executeWithoutResult(tx -> {
            Run run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            run.markRunning(execution.getId(), Machines.hostName(), ProcessHandle.current().pid(), clock.instant());
            runs.save(run);
        });
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong(ExperimentJobConfiguration.RUN_ID);
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        String failure = completed ? null : execution.getAllFailureExceptions().stream().findFirst()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .orElse(execution.getExitStatus().getExitDescription());
        transactions.executeWithoutResult(tx -> {
            Run run = runs.findById(runId).orElseThrow();
            if (completed && run.getStatus() == RunStatus.COMPLETED) {
                return; // the report step marked it, with the time the report shows
            }
            run.markFinished(completed ? RunStatus.COMPLETED : RunStatus.FAILED, failure, clock.instant());
            runs.save(run);
        });
    }
}
