package org.worldbench.batch.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.worldbench.experiment.compare.BenchmarkComparator;
import org.worldbench.experiment.compare.ComparisonInput;
import org.worldbench.experiment.compare.ComparisonOutcome;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.results.Baselines;
import org.worldbench.results.Comparison;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * Step 3, compare: chooses the baseline run the spec asks for (same machine only), pairs each
 * measured trial with the baseline's trial of the same benchmark and parameters, and stores one
 * verdict per compared metric: the primary score and heap bytes per operation. The verdict rule is
 * the {@link BenchmarkComparator} bean. Idempotent: earlier comparisons of the run are replaced.
 */
class CompareTasklet implements Tasklet {

    /** The metrics that get verdicts; other secondary metrics are stored and reported, not judged. */
    static final List<String> COMPARED_METRICS = List.of(MetricMeasurement.PRIMARY, MetricMeasurement.GC_ALLOC_RATE_NORM);

    private final long runId;
    private final ExperimentSpecs specs;
    private final RunRepository runs;
    private final TrialRepository trials;
    private final TrialMetricRepository metrics;
    private final ComparisonRepository comparisons;
    private final RunStore store;
    private final Baselines baselines;
    private final BenchmarkComparator comparator;

    CompareTasklet(long runId, ExperimentSpecs specs, RunRepository runs, TrialRepository trials,
            TrialMetricRepository metrics, ComparisonRepository comparisons, RunStore store, Baselines baselines,
            BenchmarkComparator comparator) {
        this.runId = runId;
        this.specs = specs;
        this.runs = runs;
        this.trials = trials;
        this.metrics = metrics;
        this.comparisons = comparisons;
        this.store = store;
        this.baselines = baselines;
        this.comparator = comparator;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        ExperimentSpec spec = specs.snapshotOf(run);
        Baselines.Choice choice = baselines.choose(run, spec.baseline());
        run.setBaseline(choice.run().map(Run::getId).orElse(null), choice.note());
        runs.save(run);
        comparisons.deleteByRun(runId);

        List<Trial> measured = trials.findByRunIdOrderByOrdinal(runId).stream()
                .filter(t -> t.getStatus() == TrialStatus.DONE).toList();
        Map<Long, Trial> baselineByBenchmark = new HashMap<>();
        choice.run().ifPresent(b -> trials.findByRunIdOrderByOrdinal(b.getId()).stream()
                .filter(t -> t.getStatus() == TrialStatus.DONE)
                .forEach(t -> baselineByBenchmark.put(t.getBenchmark().getId(), t)));
        Map<String, String> units = new HashMap<>();
        for (TrialMetric m : metrics.findByRun(runId)) {
            units.put(m.getTrialId() + "/" + m.getMetric(), m.getUnit());
        }
        Map<String, String> baselineUnits = new HashMap<>();
        choice.run().ifPresent(b -> metrics.findByRun(b.getId())
                .forEach(m -> baselineUnits.put(m.getTrialId() + "/" + m.getMetric(), m.getUnit())));

        List<ComparisonInput> inputs = new ArrayList<>();
        List<Trial> inputTrials = new ArrayList<>();
        List<Long> baselineRuns = new ArrayList<>();
        Map<Integer, String> incomparable = new HashMap<>();
        for (String metric : COMPARED_METRICS) {
            Map<Long, double[][]> own = store.samples(measured.stream().map(Trial::getId).toList(), metric);
            Map<Long, double[][]> theirs = store.samples(baselineByBenchmark.values().stream().map(Trial::getId).toList(), metric);
            for (Trial trial : measured) {
                String unit = units.get(trial.getId() + "/" + metric);
                if (unit == null) {
                    continue; // this trial has no such metric (e.g. run without -prof gc)
                }
                Optional<Trial> baseline = Optional.ofNullable(baselineByBenchmark.get(trial.getBenchmark().getId()));
                String theirUnit = baseline.map(b -> baselineUnits.get(b.getId() + "/" + metric)).orElse(null);
                // A baseline measured in another unit (another mode or time unit in its spec) is not comparable.
                double[][] baselineSamples = unit.equals(theirUnit) ? theirs.get(baseline.get().getId()) : null;
                if (theirUnit != null && !unit.equals(theirUnit)) {
                    incomparable.put(inputs.size(), "the baseline measured " + metric + " in " + theirUnit + ", this run in "
                            + unit + ": not comparable");
                }
                inputs.add(new ComparisonInput(trial.getBenchmark().label(), trial.getBenchmark().getName(), metric, unit,
                        trial.getMode(), own.get(trial.getId()), baselineSamples,
                        spec.thresholds().percentFor(trial.getBenchmark().getName())));
                inputTrials.add(trial);
                baselineRuns.add(baselineSamples == null ? null : choice.run().get().getId());
            }
        }
        List<ComparisonOutcome> outcomes = comparator.compare(inputs);
        List<Comparison> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ComparisonInput input = inputs.get(i);
            ComparisonOutcome outcome = outcomes.get(i);
            if (incomparable.containsKey(i)) {
                outcome = new ComparisonOutcome(outcome.verdict(), outcome.trialMedian(), outcome.baselineMedian(),
                        outcome.ratio(), outcome.changePercent(), incomparable.get(i));
            } else if (input.baseline() == null && choice.run().isPresent()) {
                outcome = new ComparisonOutcome(outcome.verdict(), outcome.trialMedian(), outcome.baselineMedian(),
                        outcome.ratio(), outcome.changePercent(), "new benchmark: baseline run " + choice.run().get().getId()
                                + " has no result for it");
            } else if (input.baseline() == null) {
                outcome = new ComparisonOutcome(outcome.verdict(), outcome.trialMedian(), outcome.baselineMedian(),
                        outcome.ratio(), outcome.changePercent(), choice.note());
            }
            rows.add(new Comparison(runId, inputTrials.get(i).getBenchmark(), input.metric(), input.unit(), baselineRuns.get(i),
                    input.thresholdPercent(), outcome));
        }
        comparisons.saveAll(rows);
        contribution.incrementWriteCount(rows.size());
        return RepeatStatus.FINISHED;
    }
}
