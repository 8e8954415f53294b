package org.worldbench.batch.experiment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.worldbench.experiment.jmh.TrialFailedException;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.ForkTurn;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.MeasurementOrder;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * Step 2, measure: one call measures one step and stores it in a transaction of its own, then
 * returns {@code CONTINUABLE}; the step ends when no trial is pending. The step's order
 * ({@code jmh.order}, see docs/experiments.md) decides what a step is:
 * <ul>
 * <li>interleaved (the default): one fork of one trial. Round k measures fork k of every trial still
 * pending, in an order shuffled per round ({@link ForkTurn}, {@code RoundOrder}); each fork is stored
 * when it ends, and a trial is complete (its metrics and samples written, status done) with its last
 * fork, in the last round;</li>
 * <li>sequential: the first pending trial, all its forks in one JMH run.</li>
 * </ul>
 *
 * <p>The step runs without a surrounding transaction (see {@link ExperimentJobConfiguration}): a
 * step can take minutes, and no database transaction should stay open that long. Because the next
 * step is always worked out from what is stored, a restart after a crash (even kill -9) resumes
 * exactly there: stored forks and finished trials are never measured again, and the fork or trial
 * that was being measured is measured again. A trial whose benchmark fails is stored as failed with
 * the reason, is skipped by later rounds, and the run goes on.
 */
class MeasureTrialsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MeasureTrialsTasklet.class);

    private final long runId;
    private final ExperimentSpecs specs;
    private final RunRepository runs;
    private final TrialRepository trials;
    private final RunStore store;
    private final TrialMeasurer runner;
    private final ApplicationEventPublisher events;
    private final Path reportsDirectory;
    private final Clock clock;
    private ExperimentSpec spec;

    MeasureTrialsTasklet(long runId, ExperimentSpecs specs, RunRepository runs, TrialRepository trials, RunStore store,
            TrialMeasurer runner, ApplicationEventPublisher events, Path reportsDirectory, Clock clock) {
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
        if (spec.jmh().order() == MeasurementOrder.SEQUENTIAL) {
            measureTrial(next.get(), contribution);
        } else {
            measureNextFork(contribution);
        }
        return RepeatStatus.CONTINUABLE;
    }

    /** Sequential order: all forks of the first pending trial in one JMH run. */
    private void measureTrial(Trial trial, StepContribution contribution) {
        PlannedTrial planned = planned(trial);
        int total = (int) trials.countByRunId(runId);
        int finishedBefore = total - (int) trials.countByRunIdAndStatus(runId, TrialStatus.PENDING);
        Duration nominal = spec.jmh().nominalTrialTime();
        events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), total, finishedBefore, planned.label(),
                TrialProgress.Phase.STARTED, nominal, null));
        Path jmhLog = jmhFolder().resolve(String.format("%04d-%s.log", trial.getOrdinal(), planned.benchmark()));
        Instant started = clock.instant();
        try {
            TrialMeasurement measurement = runner.measure(planned, spec.jmh(), jmhLog);
            store.saveMeasurement(trial.getId(), measurement);
            contribution.incrementWriteCount(1);
            events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), total, finishedBefore + 1, planned.label(),
                    TrialProgress.Phase.MEASURED, nominal, null));
        } catch (TrialFailedException failure) {
            log.warn("trial {} of run {} failed: {}", planned.label(), runId, failure.getMessage());
            store.markFailed(trial.getId(), failure.getMessage(), started, clock.instant());
            contribution.incrementWriteSkipCount();
            events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), total, finishedBefore + 1, planned.label(),
                    TrialProgress.Phase.FAILED, nominal, failure.getMessage()));
        }
    }

    /** Interleaved order: the next fork of the current round, worked out from the forks stored. */
    private void measureNextFork(StepContribution contribution) {
        int forks = spec.jmh().forks();
        List<Trial> all = trials.findByRunIdOrderByOrdinal(runId);
        Map<Long, Integer> storedById = store.storedForks(runId);
        Map<Integer, Integer> stored = new LinkedHashMap<>();
        Map<Integer, Trial> byOrdinal = new LinkedHashMap<>();
        int complete = 0;
        int done = 0; // steps finished: forks stored or completed, plus the failed attempt of each failed trial
        for (Trial t : all) {
            byOrdinal.put(t.getOrdinal(), t);
            int forksOf = storedById.getOrDefault(t.getId(), 0);
            switch (t.getStatus()) {
                case PENDING -> {
                    stored.put(t.getOrdinal(), forksOf);
                    done += forksOf;
                }
                case DONE -> {
                    complete++;
                    done += t.getForks() == null ? forks : t.getForks();
                }
                case FAILED -> done += forksOf + 1;
            }
        }
        int left = stored.values().stream().mapToInt(s -> forks - s).sum();
        ForkTurn turn = ForkTurn.next(runId, forks, List.copyOf(byOrdinal.keySet()), stored, complete).orElseThrow();
        Trial trial = byOrdinal.get(turn.ordinal());
        PlannedTrial planned = planned(trial);
        int fork = turn.round() - 1;
        TrialProgress.Round round = new TrialProgress.Round(turn.round(), forks, turn.position(), turn.roundSize());
        Duration nominal = spec.jmh().oneFork().nominalTrialTime();
        events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), done + left, done, planned.label(),
                TrialProgress.Phase.STARTED, nominal, null, round));
        Path jmhLog = jmhFolder().resolve(String.format("%04d-%s.f%d.log", trial.getOrdinal(), planned.benchmark(), fork + 1));
        Instant started = clock.instant();
        try {
            TrialMeasurement measurement = runner.measure(planned, spec.jmh().oneFork(), jmhLog);
            if (store.saveFork(trial.getId(), fork, forks, measurement)) {
                contribution.incrementWriteCount(1);
            }
            events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), done + left, done + 1, planned.label(),
                    TrialProgress.Phase.MEASURED, nominal, null, round));
        } catch (TrialFailedException failure) {
            String reason = "fork " + (fork + 1) + " of " + forks + ": " + failure.getMessage();
            log.warn("trial {} of run {} failed in round {}: {}", planned.label(), runId, turn.round(), failure.getMessage());
            store.markFailed(trial.getId(), reason, started, clock.instant());
            contribution.incrementWriteSkipCount();
            // the trial's forks of later rounds will not be measured
            events.publishEvent(new TrialProgress(runId, trial.getOrdinal(), done + left - (forks - fork - 1), done + 1,
                    planned.label(), TrialProgress.Phase.FAILED, nominal, reason, round));
        }
    }

    private static PlannedTrial planned(Trial trial) {
        return new PlannedTrial(trial.getOrdinal(), trial.getBenchmark().getName(), trial.getBenchmark().getClassName(),
                PlannedTrial.parseKey(trial.getBenchmark().getParamsKey()));
    }

    private Path jmhFolder() {
        return reportsDirectory.resolve(Long.toString(runId)).resolve("jmh");
    }
}
