package org.worldbench.batch.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.worldbench.analysis.BaselinePool;
import org.worldbench.analysis.BenchmarkOverrides;
import org.worldbench.analysis.ComparisonInput;
import org.worldbench.analysis.MachineCheck;
import org.worldbench.analysis.RunComparator;
import org.worldbench.analysis.RunComparison;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.VerdictSettings;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.Thresholds;
import org.worldbench.results.Baselines;
import org.worldbench.results.Comparison;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * Step 3, compare: chooses the baseline the spec asks for (named, latest or rolling), pairs each
 * measured trial with the baseline's samples of the same benchmark and parameters, and judges the
 * whole run at once with {@link RunComparator} (Benjamini–Hochberg over every benchmark and metric
 * of the run). The primary score and heap bytes per operation each get a verdict; the spec's
 * thresholds give each benchmark its minimum effect and, where set, its direction. A baseline from
 * another machine is refused (every verdict INCONCLUSIVE, saying why) unless the spec forces it.
 * Then each comparison learns what the benchmark's history says ({@link ComparisonHistory}).
 * Idempotent: earlier comparisons of the run are replaced.
 *
 * <p>Also the compare step of the import job: it needs only a run with stored trials and a spec snapshot.
 */
class CompareTasklet implements Tasklet {

    /** The metrics that get verdicts; other secondary metrics are stored and reported, not judged. */
    static final List<String> COMPARED_METRICS = List.of(MetricMeasurement.PRIMARY, MetricMeasurement.GC_ALLOC_RATE_NORM);

    private final long runId;
    private final ExperimentSpecs specs;
    private final RunRepository runs;
    private final TrialRepository trials;
    private final ComparisonRepository comparisons;
    private final RunStore store;
    private final Baselines baselines;
    private final VerdictSettings settings;
    private final ComparisonHistory history;

    CompareTasklet(long runId, ExperimentSpecs specs, RunRepository runs, TrialRepository trials,
            ComparisonRepository comparisons, RunStore store, Baselines baselines,
            VerdictSettings settings, ComparisonHistory history) {
        this.runId = runId;
        this.specs = specs;
        this.runs = runs;
        this.trials = trials;
        this.comparisons = comparisons;
        this.store = store;
        this.baselines = baselines;
        this.settings = settings;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        ExperimentSpec spec = specs.snapshotOf(run);
        Baselines.Choice choice = baselines.choose(run, spec.baseline());
        MachineCheck machine = choice.run()
                .map(b -> MachineCheck.of(run.getMachine().getFingerprint(), b.getMachine().getFingerprint(),
                        spec.baseline().allowOtherMachine()))
                .orElse(MachineCheck.sameMachine(run.getMachine().getFingerprint()));
        boolean refused = machine.status() == MachineCheck.Status.REFUSED;
        boolean forced = machine.status() == MachineCheck.Status.FORCED;
        String note = choice.note() + (refused ? "; REFUSED: results from different machines are not compared (force with"
                + " 'worldbench run --force-machine' or 'baseline: {allow-other-machine: true}')"
                : forced ? "; FORCED: compared across machines because it was asked to" : "");
        run.setBaseline(refused ? null : choice.run().map(Run::getId).orElse(null), note.length() > 1000
                ? note.substring(0, 999) + "…" : note);
        runs.save(run);
        comparisons.deleteByRun(runId);

        List<Trial> measured = done(runId);
        Map<String, String> units = unitsByTrialMetric(runId);
        // the baseline's runs, oldest first, each: benchmark id -> its trial there
        List<Map<Long, Trial>> baselineTrials = new ArrayList<>();
        Map<String, String> baselineUnits = new HashMap<>();
        for (Run b : choice.runs()) {
            baselineTrials.add(done(b.getId()).stream().collect(Collectors.toMap(t -> t.getBenchmark().getId(), t -> t)));
            baselineUnits.putAll(unitsByTrialMetric(b.getId()));
        }

        Thresholds thresholds = spec.thresholds();
        RunComparator comparator = new RunComparator(settings.withMinimumEffect(thresholds.defaultPercent() / 100));
        List<ComparisonInput> inputs = new ArrayList<>();
        List<Trial> inputTrials = new ArrayList<>();
        List<List<Long>> inputBaselineRuns = new ArrayList<>();
        Map<Integer, String> reasons = new HashMap<>();
        for (String metric : COMPARED_METRICS) {
            Map<Long, double[][]> own = store.samplesOfRun(runId, metric);
            Map<Long, double[][]> theirs = new HashMap<>();
            for (Run b : choice.runs()) {
                theirs.putAll(store.samplesOfRun(b.getId(), metric));
            }
            for (Trial trial : measured) {
                String unit = units.get(key(trial.getId(), metric));
                if (unit == null) {
                    continue; // this trial has no such metric (e.g. run without -prof gc)
                }
                List<Samples> pooled = new ArrayList<>();
                List<Long> pooledRuns = new ArrayList<>();
                String otherUnit = null;
                for (int i = 0; i < baselineTrials.size(); i++) {
                    Trial there = baselineTrials.get(i).get(trial.getBenchmark().getId());
                    String theirUnit = there == null ? null : baselineUnits.get(key(there.getId(), metric));
                    if (theirUnit == null) {
                        continue;
                    }
                    if (!theirUnit.equals(unit)) {
                        otherUnit = theirUnit; // another mode or time unit in its spec: not comparable
                        continue;
                    }
                    pooled.add(Samples.of(theirs.getOrDefault(there.getId(), new double[0][])));
                    pooledRuns.add(choice.runs().get(i).getId());
                }
                String name = trial.getBenchmark().getName();
                BenchmarkOverrides overrides = new BenchmarkOverrides(thresholds.directionFor(name),
                        Optional.of(thresholds.percentFor(name) / 100));
                Samples trialSamples = Samples.of(own.getOrDefault(trial.getId(), new double[0][]));
                if (pooled.isEmpty()) {
                    reasons.put(inputs.size(), otherUnit != null
                            ? "the baseline measured " + metric + " in " + otherUnit + ", this run in " + unit + ": not comparable"
                            : choice.runs().isEmpty() ? choice.note()
                            : "new benchmark: baseline run" + (choice.runs().size() > 1 ? "s " : " ")
                                    + choice.runs().stream().map(r -> r.getId().toString()).collect(Collectors.joining(", "))
                                    + (choice.runs().size() > 1 ? " have" : " has") + " no result for it");
                }
                inputs.add(new ComparisonInput(trial.getBenchmark().label(), metric, unit, trialSamples,
                        pooled.isEmpty() ? Optional.empty() : Optional.of(BaselinePool.pool(pooled, pooled.size())), overrides));
                inputTrials.add(trial);
                inputBaselineRuns.add(pooledRuns);
            }
        }

        RunComparison judged = comparator.compare(inputs, machine);
        List<Comparison> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            org.worldbench.analysis.Comparison c = judged.comparisons().get(i);
            if (reasons.containsKey(i) && !refused) {
                c = c.withReason(reasons.get(i));
            }
            rows.add(new Comparison(runId, inputTrials.get(i).getBenchmark(), c, inputBaselineRuns.get(i), choice.mode(),
                    forced && !inputBaselineRuns.get(i).isEmpty()));
        }
        history.attach(run, rows);
        store.saveComparisons(runId, rows);
        contribution.incrementWriteCount(rows.size());
        return RepeatStatus.FINISHED;
    }

    private List<Trial> done(long run) {
        return trials.findByRunIdOrderByOrdinal(run).stream().filter(t -> t.getStatus() == TrialStatus.DONE).toList();
    }

    /** "trial id/metric" → unit, for one run (plain rows: the run's metrics need not become entities here). */
    private Map<String, String> unitsByTrialMetric(long run) {
        Map<String, String> units = new HashMap<>();
        store.metricUnits(run).forEach((trialId, byMetric) -> byMetric.forEach((metric, unit) -> units.put(key(trialId, metric), unit)));
        return units;
    }

    private static String key(long trialId, String metric) {
        return trialId + "/" + metric;
    }
}
