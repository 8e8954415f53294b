package org.worldbench.batch.experiment;

import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.plan.TrialPlanner;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.TrialRepository;

/**
 * Step 1, plan: expands the run's spec snapshot into trials and stores them all as pending, in the
 * step's single transaction. Does nothing if the run already has trials (a restart after the plan).
 */
class PlanTrialsTasklet implements Tasklet {

    private final long runId;
    private final ExperimentSpecs specs;
    private final RunRepository runs;
    private final TrialRepository trials;
    private final RunStore store;

    PlanTrialsTasklet(long runId, ExperimentSpecs specs, RunRepository runs, TrialRepository trials, RunStore store) {
        this.runId = runId;
        this.specs = specs;
        this.runs = runs;
        this.trials = trials;
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (trials.countByRunId(runId) > 0) {
            return RepeatStatus.FINISHED;
        }
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        List<PlannedTrial> planned = TrialPlanner.plan(specs.snapshotOf(run), specs.catalog());
        store.planTrials(runId, planned);
        contribution.incrementWriteCount(planned.size());
        return RepeatStatus.FINISHED;
    }
}
