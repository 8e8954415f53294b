package org.worldbench.batch.experiment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.worldbench.experiment.jmh.JmhTrialRunner;
import org.worldbench.experiment.jmh.TrialFailedException;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * Step 2, measure: one call measures the first pending trial in forked JVMs and stores it with all
 * its samples in a transaction of its own, then returns {@code CONTINUABLE}; the step ends when no
 * trial is pending.
 *
 * <p>The step runs without a surrounding transaction (see {@link ExperimentJobConfiguration}): a
 * trial can take minutes, and no database transaction should stay open that long. Because the next
 * trial is always "the first pending one", a restart after a crash (even kill -9) resumes exactly
 * there: finished trials are committed and never measured again, and the trial that was being
 * measured is still pending. A trial whose benchmark fails is stored as failed with the reason and
 * the run goes on.
 */
class MeasureTrialsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MeasureTrialsTasklet.class);

    private final long runId;
    private final ExperimentSpecs specs;
    private final RunRepository runs;
    private final TrialRepository trials;
    private final RunStore store;
    private final JmhTrialRunner runner;
    private final ApplicationEventPublisher events;
    private final Path reportsDirectory;
    private final Clock clock;
    private ExperimentSpec spec;

    MeasureTrialsTasklet(long runId, ExperimentSpecs specs, RunRepository runs, TrialRepository trials, RunStore store,
            JmhTrialRunner runner, ApplicationEventPublisher events, Path reportsDirectory, Clock clock) {
        this.runId = runId;
        this.specs = specs;
        this.runs = runs;
        this.trials = trials;
        this.store = store;
        this.runner = runner;
        this.events = events;
        this.reportsDirectory = reportsDirectory;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var next = trials.findFirstByRunIdAndStatusOrderByOrdinal(runId, TrialStatus.PENDING);
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        if (spec == null) {
            Run run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            spec = specs.snapshotOf(run);
        }
        Trial trial = next.get();
        PlannedTrial planned = new PlannedTrial(trial.getOrdinal(), trial.getBenchmark().getName(),
                trial.getBenchmark().getClassName(), PlannedTrial.parseKey(trial.getBenchmark().getParamsKey()));
        int total = (int) trials.countByRunId(runId);
        int finishedBefore = total - (int) trials.countByRunIdAndStatus(runId, TrialStatus.PENDING);
        events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), total, finishedBefore, planned.label(),
                TrialProgress.Phase.STARTED, spec.jmh().nominalTrialTime(), null));
        Path jmhLog = reportsDirectory.resolve(Long.toString(runId)).resolve("jmh")
                .resolve(String.format("%04d-%s.log", trial.getOrdinal(), planned.benchmark()));
        Instant started = clock.instant();
        try {
            TrialMeasurement measurement = runner.measure(planned, spec.jmh(), jmhLog);
            store.saveMeasurement(trial.getId(), measurement);
            contribution.incrementWriteCount(1);
            events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), total, finishedBefore + 1, planned.label(),
                    TrialProgress.Phase.MEASURED, spec.jmh().nominalTrialTime(), null));
        } catch (TrialFailedException failure) {
            log.warn("trial {} of run {} failed: {}", planned.label(), runId, failure.getMessage());
            store.markFailed(trial.getId(), failure.getMessage(), started, clock.instant());
            contribution.incrementWriteSkipCount();
            events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), total, finishedBefore + 1, planned.label(),
                    TrialProgress.Phase.FAILED, spec.jmh().nominalTrialTime(), failure.getMessage()));
        }
        return RepeatStatus.CONTINUABLE;
    }
}
